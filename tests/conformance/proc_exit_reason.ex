# Process.exit(pid, reason): kills a non-trapping process with that reason,
# or arrives as {:EXIT, sender, reason} in a trapping one.
defmodule T do
  def idle do
    receive do
      {:report, to} ->
        send(to, :alive)
        idle()
    end
  end

  def trapper(parent) do
    Process.flag(:trap_exit, true)
    send(parent, :ready)
    receive do
      {:EXIT, from, reason} -> send(parent, {:trapped, from == parent, reason})
    end
  end

  def main do
    me = self()
    pid = spawn(&idle/0)
    ref = Process.monitor(pid)
    Process.exit(pid, :some_reason)
    receive do
      {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r, label: "non-trapping died with")
    end
    p2 = spawn(&idle/0)
    ref2 = Process.monitor(p2)
    Process.exit(p2, {:shutdown, %{why: "maintenance"}})
    receive do
      {:DOWN, ^ref2, :process, ^p2, r} -> IO.inspect(r, label: "tuple reason")
    end
    t = spawn(fn -> trapper(me) end)
    receive do
      :ready -> :ok
    end
    Process.exit(t, :please_stop)
    receive do
      {:trapped, from_me, r} -> IO.inspect({from_me, r}, label: "trapper got (from me?, reason)")
    end
    # the process is not hurt by an exit signal it traps
    p3 = spawn(&idle/0)
    Process.exit(p3, :normal)
    send(p3, {:report, me})
    receive do
      :alive -> IO.puts("idle survived :normal")
    end
    # exiting yourself with a reason
    p4 = spawn(fn -> Process.exit(self(), :self_inflicted) end)
    ref4 = Process.monitor(p4)
    receive do
      {:DOWN, ^ref4, :process, ^p4, r} -> IO.inspect(r, label: "self exit")
    end
  end
end

T.main()
