# Process.info(pid, :message_queue_len) counts queued messages; nil for a dead pid.
defmodule T do
  def drain(acc) do
    receive do
      m -> drain([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def main do
    IO.inspect(Process.info(self(), :message_queue_len), label: "empty")
    send(self(), :a)
    send(self(), :b)
    send(self(), {:c, 3})
    IO.inspect(Process.info(self(), :message_queue_len), label: "after 3 sends")
    receive do
      :b -> :ok
    end
    IO.inspect(Process.info(self(), :message_queue_len), label: "after taking :b")
    Enum.each(1..10, &send(self(), &1))
    {:message_queue_len, n} = Process.info(self(), :message_queue_len)
    IO.inspect(n, label: "after 10 more")
    # a non-matching receive with a timeout leaves the count unchanged
    receive do
      :nothing_like_this -> :ok
    after
      0 -> :ok
    end
    IO.inspect(Process.info(self(), :message_queue_len), label: "after failed receive")
    # drain everything
    drained = drain([])
    IO.inspect(length(drained), label: "drained")
    IO.inspect(Process.info(self(), :message_queue_len), label: "empty again")
    dead = spawn(fn -> :ok end)
    ref = Process.monitor(dead)
    receive do
      {:DOWN, ^ref, :process, ^dead, _} -> :ok
    end
    IO.inspect(Process.info(dead, :message_queue_len), label: "dead pid")
    # another process's queue: messages wait while it sleeps
    me = self()
    sleeper = spawn(fn ->
      Process.sleep(100)
      send(me, {:sleeper_had, drain([])})
    end)
    Enum.each([:x, :y, :z], &send(sleeper, &1))
    IO.inspect(Process.info(sleeper, :message_queue_len), label: "sleeper queue")
    receive do
      {:sleeper_had, l} -> IO.inspect(l, label: "sleeper drained")
    end
  end
end

T.main()
