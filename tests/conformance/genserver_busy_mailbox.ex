# A caller with 100,000 unrelated messages queued makes 1,000 GenServer calls:
# each reply is found behind the queue (the receive skips what was there before
# the call's reference was made), and the queue is intact afterwards, in order.
defmodule Echo do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call({:add, k}, _from, n), do: {:reply, n + k, n + k}
  def handle_call(:noreply_then_reply, from, n) do
    GenServer.reply(from, {:early, n})
    {:noreply, n}
  end
end

{:ok, pid} = GenServer.start_link(Echo, 0)
for i <- 1..100_000, do: send(self(), {:junk, i})
IO.inspect(Process.info(self(), :message_queue_len), label: "queued")
total = Enum.reduce(1..1_000, 0, fn k, _ -> GenServer.call(pid, {:add, k}) end)
IO.inspect(total, label: "after 1000 calls")
IO.inspect(GenServer.call(pid, :noreply_then_reply), label: "reply/2")
IO.inspect(Process.info(self(), :message_queue_len), label: "still queued")

# a message matching a later clause, sent before the call, is still seen after it
send(self(), {:late, 1})
IO.inspect(GenServer.call(pid, {:add, 0}), label: "call")
r = receive do {:late, x} -> {:got_late, x} after 0 -> :none end
IO.inspect(r, label: "late")

# a reply arriving after other messages sent during the call
parent = self()
spawn(fn -> send(parent, {:junk, :during}) end)
IO.inspect(GenServer.call(pid, {:add, 1}), label: "call during")
first = receive do m -> m end
IO.inspect(first, label: "first in queue")
last = Enum.reduce(1..99_999, nil, fn _, _ -> receive do m -> m end end)
IO.inspect(last, label: "last junk")
rest = receive do m -> m after 100 -> :empty end
IO.inspect(rest, label: "rest")
IO.inspect(Process.info(self(), :message_queue_len), label: "empty")
