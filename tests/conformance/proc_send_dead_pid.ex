# Sending to a process that has exited is not an error; the message is dropped.
defmodule T do
  def main do
    pid = spawn(fn -> :done end)
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "child exited")
    end
    IO.inspect(Process.alive?(pid), label: "alive?")
    IO.inspect(send(pid, :anyone_there), label: "send to dead pid")
    IO.inspect(send(pid, {:more, [1, 2]}), label: "again")
    results = for i <- 1..3, do: send(pid, i)
    IO.inspect(results, label: "sends in a loop")
    receive do
      m -> IO.inspect(m, label: "bounced?")
    after
      20 -> IO.puts("nothing comes back")
    end
    IO.puts("still running")
  end
end

T.main()
