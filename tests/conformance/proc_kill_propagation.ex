# :kill is untrappable, but it propagates over links as :killed, which can be trapped.
defmodule T do
  def main do
    me = self()
    # middle is linked to a trapping child; killing middle sends :killed to the child
    middle = spawn(fn ->
      spawn_link(fn ->
        Process.flag(:trap_exit, true)
        send(me, :child_ready)
        receive do
          {:EXIT, _from, reason} -> send(me, {:child_trapped, reason})
        end
      end)
      receive do
        _ -> :ok
      end
    end)
    receive do
      :child_ready -> :ok
    end
    ref = Process.monitor(middle)
    Process.exit(middle, :kill)
    receive do
      {:DOWN, ^ref, :process, ^middle, r} -> IO.inspect(r, label: "middle")
    end
    receive do
      {:child_trapped, r} -> IO.inspect(r, label: "trapping child got")
    end
    # a non-trapping linked child dies with :killed
    m2 = spawn(fn ->
      c = spawn_link(fn -> receive do _ -> :ok end end)
      send(me, {:child, c})
      receive do
        _ -> :ok
      end
    end)
    c = receive do
      {:child, c} -> c
    end
    cref = Process.monitor(c)
    Process.exit(m2, :kill)
    receive do
      {:DOWN, ^cref, :process, ^c, r} -> IO.inspect(r, label: "non-trapping child")
    end
    # exit(:kill) called by a process itself is an ordinary exit reason for its links
    Process.flag(:trap_exit, true)
    p = spawn_link(fn -> exit(:kill) end)
    receive do
      {:EXIT, ^p, r} -> IO.inspect(r, label: "exit(:kill) seen by linked trapper")
    end
  end
end

T.main()
