# Process.link/1 and Process.unlink/1 add and remove links at run time.
defmodule T do
  def waiter do
    receive do
      {:die, reason} -> exit(reason)
    end
  end

  def main do
    Process.flag(:trap_exit, true)
    a = spawn(&waiter/0)
    IO.inspect(Process.link(a), label: "link")
    send(a, {:die, :linked_reason})
    receive do
      {:EXIT, ^a, r} -> IO.inspect(r, label: "linked child died")
    end

    b = spawn(&waiter/0)
    Process.link(b)
    IO.inspect(Process.unlink(b), label: "unlink")
    ref = Process.monitor(b)
    send(b, {:die, :unlinked_reason})
    receive do
      {:DOWN, ^ref, :process, ^b, r} -> IO.inspect(r, label: "monitor saw")
    end
    r = receive do
      {:EXIT, ^b, _} -> :exit_message
    after
      0 -> :no_exit_message
    end
    IO.inspect(r, label: "after unlink")

    # linking twice is the same as once; one unlink removes it
    c = spawn(&waiter/0)
    Process.link(c)
    Process.link(c)
    Process.unlink(c)
    ref2 = Process.monitor(c)
    send(c, {:die, :whatever})
    receive do
      {:DOWN, ^ref2, :process, ^c, _} -> :ok
    end
    r2 = receive do
      {:EXIT, ^c, _} -> :exit_message
    after
      0 -> :no_exit_message
    end
    IO.inspect(r2, label: "double link, single unlink")
    IO.inspect(Process.unlink(c), label: "unlink a dead process")
  end
end

T.main()
