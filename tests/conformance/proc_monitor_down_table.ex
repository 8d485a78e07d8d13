# A monitor is gone once its DOWN arrives; a DOWN already queued stays after
# demonitor/1, and none comes after demonitor (flush or not).
defmodule DownTable do
  def monitors, do: Process.info(self(), :monitors)

  def one do
    p = spawn(fn -> receive do: (:stop -> :ok) end)
    ref = Process.monitor(p)
    IO.inspect(length(elem(monitors(), 1)), label: "monitors while alive")
    send(p, :stop)
    receive do: ({:DOWN, ^ref, :process, ^p, r} -> IO.inspect(r, label: "down"))
    IO.inspect(monitors(), label: "monitors after down")
    IO.inspect(Process.demonitor(ref, [:info]), label: "demonitor info after down")
  end

  def queued do
    q = spawn(fn -> :ok end)
    ref = Process.monitor(q)
    Process.sleep(50)
    IO.inspect(Process.demonitor(ref), label: "demonitor")
    IO.inspect(Process.info(self(), :message_queue_len), label: "queued down kept")
    receive do: ({:DOWN, _, _, _, reason} -> IO.inspect(reason, label: "its reason"))
  end

  def many do
    pids = for i <- 1..200, do: spawn(fn -> receive do: (:go -> i) end)
    refs = Enum.map(pids, &Process.monitor/1)
    Enum.each(pids, &send(&1, :go))
    Enum.each(refs, &Process.demonitor(&1, [:flush]))
    Process.sleep(50)
    IO.inspect(Process.info(self(), :message_queue_len), label: "queue")
    IO.inspect(monitors(), label: "monitors")
  end

  def spawned do
    {pid, ref} = spawn_monitor(fn -> exit(:bye) end)
    receive do: ({:DOWN, ^ref, :process, ^pid, why} -> IO.inspect(why, label: "spawn_monitor down"))
    IO.inspect(monitors(), label: "monitors at the end")
  end
end

DownTable.one()
DownTable.queued()
DownTable.many()
DownTable.spawned()
