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
