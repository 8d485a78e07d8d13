# Signals from one process to another are handled in the order they were sent: after
# Process.exit(pid, :kill) every later request from the same process sees a dead pid.
defmodule T do
  def idle, do: receive(do: (:never -> :ok))

  def main do
    p = spawn(&idle/0)
    Process.exit(p, :kill)
    ref = Process.monitor(p)
    receive do
      {:DOWN, ^ref, :process, ^p, r} -> IO.inspect(r, label: "monitor after kill")
    end

    p2 = spawn(&idle/0)
    Process.exit(p2, :kill)
    IO.inspect(Process.alive?(p2), label: "alive? after kill")

    p3 = spawn(&idle/0)
    Process.exit(p3, :shutdown)
    IO.inspect(Process.info(p3, :message_queue_len), label: "info after exit")

    Process.flag(:trap_exit, true)
    p4 = spawn(&idle/0)
    Process.exit(p4, :kill)
    IO.inspect(Process.link(p4), label: "link after kill")
    receive do
      {:EXIT, ^p4, r} -> IO.inspect(r, label: "link reports")
    end

    # monitor first, then kill: the monitor sees the kill
    p5 = spawn(&idle/0)
    ref5 = Process.monitor(p5)
    Process.exit(p5, :kill)
    receive do
      {:DOWN, ^ref5, :process, ^p5, r} -> IO.inspect(r, label: "monitor before kill")
    end

    # messages sent before an exit signal that the target traps arrive before the EXIT
    me = self()
    t = spawn(fn ->
      Process.flag(:trap_exit, true)
      send(me, :trapping)
      receive do
        :go -> :ok
      end
      got = for _ <- 1..3, do: (receive do m -> m end)
      send(me, {:got, got})
    end)
    receive do
      :trapping -> :ok
    end
    send(t, :one)
    send(t, :two)
    Process.exit(t, :stop_please)
    send(t, :go)
    receive do
      {:got, [:one, :two, {:EXIT, from, reason}]} -> IO.inspect({from == me, reason}, label: "in order")
      {:got, other} -> IO.inspect(length(other), label: "unexpected")
    end
  end
end

T.main()
