# terminate/2: on stop, on {:stop, ...} returns, on the parent's exit when trapping.
defmodule T do
  use GenServer
  def init({parent, trap}), do: (Process.flag(:trap_exit, trap); {:ok, parent})
  def handle_call(:stop_me, _from, parent), do: {:stop, :shutdown, :bye, parent}
  def handle_cast(:stop_cast, parent), do: {:stop, {:shutdown, :cast}, parent}
  def handle_cast(:crash, _parent), do: raise("crash in cast")
  def terminate(reason, parent), do: send(parent, {:terminated, reason})
end

defmodule Run do
  def reason_of(pid) do
    ref = Process.monitor(pid)
    receive do: ({:DOWN, ^ref, _, _, r} -> r)
  end

  def main do
    me = self()
    {:ok, a} = GenServer.start(T, {me, false})
    IO.inspect(GenServer.stop(a, :custom))
    receive do: ({:terminated, r} -> IO.inspect(r, label: "stop"))
    {:ok, b} = GenServer.start(T, {me, false})
    IO.inspect(GenServer.call(b, :stop_me))
    receive do: ({:terminated, r} -> IO.inspect(r, label: "call stop"))
    {:ok, c} = GenServer.start(T, {me, false})
    ref = Process.monitor(c)
    GenServer.cast(c, :stop_cast)
    receive do: ({:terminated, r} -> IO.inspect(r, label: "cast stop"))
    receive do: ({:DOWN, ^ref, _, _, r} -> IO.inspect(r, label: "down"))
    {:ok, d} = GenServer.start(T, {me, false})
    ref = Process.monitor(d)
    GenServer.cast(d, :crash)
    receive do: ({:terminated, {%RuntimeError{message: m}, _}} -> IO.inspect(m, label: "crash"))
    receive do: ({:DOWN, ^ref, _, _, {e, _}} -> IO.inspect(e, label: "down"))
    Process.flag(:trap_exit, true)
    {:ok, e} = GenServer.start_link(T, {me, true})
    Process.exit(e, :shutdown)
    receive do: ({:terminated, r} -> IO.inspect(r, label: "parent exit"))
    receive do: ({:EXIT, ^e, r} -> IO.inspect(r, label: "EXIT"))
    {:ok, f} = GenServer.start_link(T, {me, false})
    Process.exit(f, :shutdown)
    receive do: ({:EXIT, ^f, r} -> IO.inspect(r, label: "EXIT untrapped"))
    receive do
      {:terminated, _} -> IO.puts("unexpected terminate")
    after
      20 -> IO.puts("no terminate")
    end
  end
end

Run.main()
