# Process.demonitor/1 removes a monitor: no DOWN message for it afterwards.
defmodule T do
  def main do
    pid = spawn(fn -> receive do :stop -> :ok end end)
    dropped = Process.monitor(pid)
    kept = Process.monitor(pid)
    IO.inspect(Process.demonitor(dropped), label: "demonitor")
    IO.inspect(Process.demonitor(dropped), label: "demonitor again")
    send(pid, :stop)
    receive do
      {:DOWN, ^kept, :process, ^pid, r} -> IO.inspect(r, label: "kept monitor")
    end
    r = receive do
      {:DOWN, ^dropped, _, _, _} -> :dropped_fired
    after
      0 -> :no_down_for_dropped
    end
    IO.inspect(r)
    # demonitor after the process died but before reading DOWN: the message may
    # already be queued, so the standard pattern is to flush it by hand
    p2 = spawn(fn -> receive do :stop -> :ok end end)
    ref2 = Process.monitor(p2)
    IO.inspect(Process.demonitor(ref2), label: "demonitor live process")
    send(p2, :stop)
    check = Process.monitor(p2)
    receive do
      {:DOWN, ^check, :process, ^p2, _} -> IO.puts("p2 gone")
    end
    r2 = receive do
      {:DOWN, ^ref2, _, _, _} -> :fired
    after
      0 -> :nothing
    end
    IO.inspect(r2, label: "old ref")
    IO.inspect(Process.demonitor(make_ref()), label: "demonitor unknown ref")
  end
end

T.main()
