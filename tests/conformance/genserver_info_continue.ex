# handle_info, handle_continue, timeouts in replies and the default callbacks.
defmodule Worker do
  use GenServer
  def init(log), do: {:ok, log}
  def handle_call({:reply_continue, x}, _from, log), do: {:reply, :ok, [x | log], {:continue, {:after, x}}}
  def handle_call(:reply_timeout, _from, log), do: {:reply, :ok, log, 20}
  def handle_call(:log, _from, log), do: {:reply, Enum.reverse(log), log}
  def handle_call(:noreply, from, log), do: (send(self(), {:late_reply, from}); {:noreply, log})
  def handle_cast({:cast_continue, x}, log), do: {:noreply, [x | log], {:continue, :cast}}
  def handle_continue({:after, x}, log), do: {:noreply, [{:continued, x} | log]}
  def handle_continue(:cast, log), do: {:noreply, [:cast_continued | log]}
  def handle_info({:late_reply, from}, log), do: (GenServer.reply(from, :replied_later); {:noreply, log})
  def handle_info(:timeout, log), do: {:noreply, [:timeout | log]}
  def handle_info(other, log), do: {:noreply, [{:info, other} | log]}
end

defmodule Bare do
  use GenServer
  def init(s), do: {:ok, s}
end

{:ok, pid} = GenServer.start_link(Worker, [])
IO.inspect(GenServer.call(pid, {:reply_continue, 1}))
GenServer.cast(pid, {:cast_continue, 2})
send(pid, :hello)
IO.inspect(GenServer.call(pid, :noreply))
IO.inspect(GenServer.call(pid, :reply_timeout))
Process.sleep(60)
IO.inspect(GenServer.call(pid, :log))
{:ok, bare} = GenServer.start(Bare, :s)
send(bare, :unexpected)
Process.sleep(10)
IO.inspect(Process.alive?(bare))
{{%RuntimeError{message: m}, _}, _} = (try do GenServer.call(bare, :x) catch :exit, r -> r end)
IO.puts(String.replace(m, inspect(bare), "PID"))
{:ok, bare} = GenServer.start(Bare, :s)
GenServer.cast(bare, :x)
Process.sleep(20)
IO.inspect(Process.alive?(bare))
