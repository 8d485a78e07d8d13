# GenServer.stop and {:stop, ...} replies: what the caller sees, what terminate/2 gets.
defmodule G do
  use GenServer
  def init(tag) do
    Process.flag(:trap_exit, true)
    {:ok, tag}
  end
  def handle_call({:stop_reply, r}, _from, s), do: {:stop, r, {:stopped, r}, s}
  def handle_call({:stop_noreply, r}, from, s) do
    GenServer.reply(from, :replied_first)
    {:stop, r, s}
  end
  def handle_cast({:stop, r}, s), do: {:stop, r, s}
  def terminate(reason, tag), do: IO.puts("terminate #{tag}: #{inspect(reason)}")
end

defmodule Run do
  def watch(tag, fun) do
    {:ok, pid} = GenServer.start(G, tag)
    ref = Process.monitor(pid)
    result = fun.(pid)
    # terminate/2 prints before the process is down; the caller prints after.
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} ->
        IO.inspect(result, label: "#{tag} result")
        IO.inspect(reason, label: "#{tag} down")
    end
  end
end

Run.watch(:a, &GenServer.stop(&1))
Run.watch(:b, &GenServer.stop(&1, :shutdown))
Run.watch(:c, &GenServer.stop(&1, {:shutdown, :bye}, 1000))
Run.watch(:d, &GenServer.call(&1, {:stop_reply, :normal}))
Run.watch(:e, &GenServer.call(&1, {:stop_noreply, {:shutdown, 1}}))
Run.watch(:f, &GenServer.cast(&1, {:stop, :shutdown}))
r = try do GenServer.stop(:nobody) catch :exit, e -> e end
IO.inspect(r, label: "stop unknown name")
{:ok, pid} = GenServer.start(G, :g)
GenServer.stop(pid)
r = try do GenServer.stop(pid) catch :exit, e -> e end
IO.inspect(match?({:noproc, {GenServer, :stop, _}}, r), label: "stop dead pid")
r = try do GenServer.call(pid, :x) catch :exit, {reason, {GenServer, :call, [_, :x, 5000]}} -> reason end
IO.inspect(r, label: "call dead pid")
