# Process.exit(pid, :normal) is ignored by a process that does not trap exits.
defmodule T do
  def echo do
    receive do
      {:ping, from} ->
        send(from, :pong)
        echo()
      {:EXIT, from, reason} ->
        send(from, {:trapped, reason})
        echo()
    end
  end

  def main do
    pid = spawn(&echo/0)
    IO.inspect(Process.exit(pid, :normal), label: "exit :normal")
    send(pid, {:ping, self()})
    receive do
      :pong -> IO.puts("still alive after exit(pid, :normal)")
    end
    IO.inspect(Process.alive?(pid), label: "alive?")
    # a trapping process gets it as a message instead
    trapper = spawn(fn ->
      Process.flag(:trap_exit, true)
      echo()
    end)
    send(trapper, {:ping, self()})
    receive do
      :pong -> :ok
    end
    Process.exit(trapper, :normal)
    receive do
      {:trapped, r} -> IO.inspect(r, label: "trapper got")
    end
    send(trapper, {:ping, self()})
    receive do
      :pong -> IO.puts("trapper alive too")
    end
    # :kill is different
    ref = Process.monitor(pid)
    Process.exit(pid, :kill)
    receive do
      {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r, label: "after :kill")
    end
  end
end

T.main()
