# A trapping parent also sees normal exits of linked children as {:EXIT, pid, :normal}.
defmodule T do
  def main do
    Process.flag(:trap_exit, true)
    pid = spawn_link(fn -> :finished end)
    receive do
      {:EXIT, ^pid, reason} -> IO.inspect(reason, label: "exit reason")
    end
    me = self()
    pids = for i <- 1..3, do: spawn_link(fn -> send(me, {:working, i}) end)
    work = for _ <- 1..3, do: (receive do {:working, i} -> i end)
    IO.inspect(Enum.sort(work), label: "work done")
    reasons = for p <- pids do
      receive do
        {:EXIT, ^p, r} -> r
      end
    end
    IO.inspect(reasons, label: "all exits")
    # spawn_link/3 too
    p3 = spawn_link(Enum, :sum, [[1, 2, 3]])
    receive do
      {:EXIT, ^p3, r} -> IO.inspect(r, label: "spawn_link/3 exit")
    end
    # exit(:normal) inside the child is still :normal
    p4 = spawn_link(fn -> exit(:normal) end)
    receive do
      {:EXIT, ^p4, r} -> IO.inspect(r, label: "explicit exit(:normal)")
    end
    # without trapping, a normal exit of a linked child sends nothing
    Process.flag(:trap_exit, false)
    spawn_link(fn -> :quiet end)
    r = receive do
      m -> m
    after
      50 -> :no_message
    end
    IO.inspect(r, label: "not trapping")
  end
end

T.main()
