# Crashes under supervision: each crash is restarted, restarts counted.
# (Exits that Elixir's Logger does not report, so stdout stays deterministic.)
defmodule Counter do
  use Agent
  def start_link(_), do: Agent.start_link(fn -> 0 end, name: __MODULE__)
  def bump, do: Agent.update(__MODULE__, &(&1 + 1))
  def value, do: Agent.get(__MODULE__, & &1)
end

defmodule Worker do
  use GenServer
  def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: __MODULE__)
  def init(arg) do
    Counter.bump()
    {:ok, %{arg: arg, n: 0}}
  end
  def handle_call(:quit, _from, s), do: {:stop, {:shutdown, :asked}, :bye, s}
  def handle_call(:incr, _from, s), do: {:reply, s.n + 1, %{s | n: s.n + 1}}
  def handle_call(:ping, _from, s), do: {:reply, :pong, s}
end

children = [Counter, {Worker, :w}]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, max_restarts: 10)
IO.inspect(Counter.value(), label: "starts")
IO.inspect(GenServer.call(Worker, :incr), label: "incr")
IO.inspect(GenServer.call(Worker, :incr), label: "incr")
defmodule Run do
  def quit(i) do
    old = Process.whereis(Worker)
    ref = Process.monitor(old)
    IO.inspect(GenServer.call(Worker, :quit), label: "quit #{i}")
    receive do
      {:DOWN, ^ref, :process, ^old, reason} -> IO.inspect(reason, label: "down #{i}")
    end
    new = wait_new(old)
    IO.inspect(is_pid(new) and new != old, label: "restarted #{i}")
    IO.inspect(GenServer.call(Worker, :incr), label: "state after #{i}")
  end

  # The restarted Worker's pid, once the supervisor has registered it (a
  # fixed sleep was not always enough on a loaded machine).
  def wait_new(old) do
    case Process.whereis(Worker) do
      pid when is_pid(pid) and pid != old ->
        # Its init (which bumps Counter) is done once it answers a call.
        :pong = GenServer.call(pid, :ping)
        pid

      _ ->
        Process.sleep(5)
        wait_new(old)
    end
  end
end

Enum.each(1..3, &Run.quit/1)
old = Process.whereis(Worker)
Process.exit(old, :kill)
old = Run.wait_new(old)
Process.exit(old, :some_reason)
Run.wait_new(old)
IO.inspect(Counter.value(), label: "starts")
IO.inspect(Supervisor.count_children(sup), label: "counts")
ids = for {id, _pid, type, mods} <- Supervisor.which_children(sup), do: {id, type, mods}
IO.inspect(ids, label: "children")
IO.inspect(Supervisor.stop(sup), label: "stop")
IO.inspect(Process.whereis(Worker), label: "after stop")
IO.inspect(Process.whereis(Counter), label: "counter after stop")
