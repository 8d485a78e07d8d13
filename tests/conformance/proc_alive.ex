# Process.alive?/1 through a process's life.
defmodule T do
  def main do
    IO.inspect(Process.alive?(self()), label: "self")
    pid = spawn(fn ->
      receive do
        :stop -> :ok
      end
    end)
    IO.inspect(Process.alive?(pid), label: "waiting child")
    ref = Process.monitor(pid)
    send(pid, :stop)
    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    end
    IO.inspect(Process.alive?(pid), label: "after it stopped")
    {crasher, cref} = spawn_monitor(fn -> raise "x" end)
    receive do
      {:DOWN, ^cref, :process, ^crasher, _} -> :ok
    end
    IO.inspect(Process.alive?(crasher), label: "after a crash")
    sleeper = spawn(fn -> Process.sleep(300) end)
    IO.inspect(Process.alive?(sleeper), label: "sleeping child")
    sref = Process.monitor(sleeper)
    Process.exit(sleeper, :kill)
    receive do
      {:DOWN, ^sref, :process, ^sleeper, r} -> IO.inspect(r, label: "killed")
    end
    IO.inspect(Process.alive?(sleeper), label: "after kill")
    me = self()
    spawn(fn -> send(me, {:self_alive, Process.alive?(self())}) end)
    receive do
      {:self_alive, v} -> IO.inspect(v, label: "child asks about itself")
    end
    pids = for _ <- 1..5, do: spawn(fn -> receive do :stop -> :ok end end)
    IO.inspect(Enum.count(pids, &Process.alive?/1), label: "alive of 5")
    Enum.each(pids, &Process.exit(&1, :kill))
    Enum.each(pids, fn p ->
      r = Process.monitor(p)
      receive do
        {:DOWN, ^r, :process, ^p, _} -> :ok
      end
    end)
    IO.inspect(Enum.count(pids, &Process.alive?/1), label: "alive after kill")
  end
end

T.main()
