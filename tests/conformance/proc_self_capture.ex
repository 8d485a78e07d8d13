# self() inside a spawned fn is the child's pid: capture the parent's pid before spawning.
defmodule T do
  def tell(pid, msg), do: send(pid, msg)

  def main do
    parent = self()
    spawn(fn -> send(parent, {:from_child, :right_way}) end)
    receive do
      {:from_child, how} -> IO.inspect(how, label: "parent received")
    end
    # the mistake: the child sends to itself
    child = spawn(fn ->
      send(self(), {:from_child, :wrong_way})
      receive do
        :report -> :ok
      end
      n = receive do
        {:from_child, how} -> how
      after
        0 -> :nothing
      end
      send(parent, {:child_mailbox_had, n})
    end)
    r = receive do
      {:from_child, how} -> how
    after
      50 -> :timed_out
    end
    IO.inspect(r, label: "parent waited for the wrong-way message")
    send(child, :report)
    receive do
      {:child_mailbox_had, m} -> IO.inspect(m, label: "it ended up in the child's own mailbox")
    end
    # with spawn/3, self() in the argument list is evaluated by the parent
    spawn(T, :tell, [self(), :sent_by_spawn3])
    receive do
      m -> IO.inspect(m, label: "spawn/3 with self() in args")
    end
  end
end

T.main()
