defmodule Counter do
def start_link(initial \\ 0) do
spawn(fn -> loop(initial) end)
end
defp loop(value) do
receive do
{:inc, by, caller} ->
new = value + by
send(caller, {:new_value, new})
loop(new)
{:get, caller} ->
send(caller, {:value, value})
loop(value)
end
end
end
counter = Counter.start_link(10)
# Increment by 5 and wait for the new counter value.
send(counter, {:inc, 5, self()})
receive do
{:new_value, v} -> IO.puts("Counter is now #{v}")
end
