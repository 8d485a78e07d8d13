# Monitoring a process that is already dead gives an immediate DOWN with :noproc.
defmodule T do
  def main do
    pid = spawn(fn -> :quick end)
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r, label: "first monitor")
    end
    IO.inspect(Process.alive?(pid), label: "alive?")
    ref2 = Process.monitor(pid)
    IO.inspect(is_reference(ref2), label: "still a ref")
    IO.inspect(ref2 == ref, label: "same ref as before")
    receive do
      {:DOWN, ^ref2, :process, ^pid, r} -> IO.inspect(r, label: "second monitor")
    after
      1000 -> IO.puts("no DOWN")
    end
    # the reason is :noproc whatever the process died of
    crashed = spawn(fn -> exit(:crashed) end)
    r0 = Process.monitor(crashed)
    receive do
      {:DOWN, ^r0, :process, ^crashed, r} -> IO.inspect(r, label: "crashed with")
    end
    r3 = Process.monitor(crashed)
    receive do
      {:DOWN, ^r3, :process, ^crashed, r} -> IO.inspect(r, label: "monitor after crash")
    end
    receive do
      m -> IO.inspect(m, label: "extra")
    after
      0 -> IO.puts("no more messages")
    end
  end
end

T.main()
