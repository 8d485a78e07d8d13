# From the article, "One-Way Broadcast": a publisher keeps a list of subscribers.
# The article's module and calls as written, then two more subscriber processes that
# forward what they get, tagged with their name, so every delivery can be shown.
defmodule PubSub do
  def start_link do
    spawn(fn -> loop([]) end)
  end

  defp loop(subscribers) do
    receive do
      {:subscribe, pid} ->
        loop([pid | subscribers])
      {:publish, msg} ->
        Enum.each(subscribers, fn sub -> send(sub, {:event, msg}) end)
        loop(subscribers)
    end
  end
end

pub = PubSub.start_link()
send(pub, {:subscribe, self()})
send(pub, {:publish, "New announcement!"})

receive do
  {:event, text} -> IO.puts("Received: #{text}")
after
  1000 -> :ok
end

# Two more listeners, each forwarding events to the main process
main = self()
listener = fn name ->
  spawn(fn ->
    forward = fn forward ->
      receive do
        {:event, text} ->
          send(main, {name, text})
          forward.(forward)
      end
    end
    forward.(forward)
  end)
end

send(pub, {:subscribe, listener.(:alice)})
send(pub, {:subscribe, listener.(:bob)})
send(pub, {:publish, "Second post"})
send(pub, {:publish, "Third post"})

receive do
  {:event, text} -> IO.puts("main received: #{text}")
end
receive do
  {:event, text} -> IO.puts("main received: #{text}")
end
# Each listener's events arrive in publish order; read alice's first, then bob's.
for name <- [:alice, :bob], _ <- 1..2 do
  receive do
    {^name, text} -> IO.puts("#{name} received: #{text}")
  after
    1000 -> IO.puts("#{name} missed an event")
  end
end
