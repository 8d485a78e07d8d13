# :sys on a GenServer: get_state, replace_state, suspend/resume, change_code, terminate.
defmodule S do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
  def code_change(_old, n, :extra), do: {:ok, n + 100}
end

{:ok, pid} = GenServer.start_link(S, 1)
IO.inspect(:sys.get_state(pid))
IO.inspect(:sys.replace_state(pid, &(&1 * 10)))
IO.inspect(:sys.suspend(pid))
GenServer.cast(pid, {:add, 5})
IO.inspect(:sys.get_state(pid))
IO.inspect(:sys.change_code(pid, S, "1", :extra))
IO.inspect(:sys.resume(pid))
IO.inspect(GenServer.call(pid, :get))
{:status, ^pid, {:module, :gen_server}, _} = :sys.get_status(pid)
IO.puts("status ok")
Process.flag(:trap_exit, true)
IO.inspect(:sys.terminate(pid, :normal))
receive do: ({:EXIT, ^pid, r} -> IO.inspect(r, label: "exit"))
IO.inspect(try do :sys.get_state(pid) catch :exit, {r, _} -> r end)
