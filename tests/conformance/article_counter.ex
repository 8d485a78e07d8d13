# From the article, "Request-Response": a counter process with synchronous-style calls.
# The article's module as written, exercised with a few more calls.
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

send(counter, {:get, self()})
receive do
  {:value, v} -> IO.puts("Counter value: #{v}")
end

for by <- [1, 10, -3] do
  send(counter, {:inc, by, self()})
  receive do
    {:new_value, v} -> IO.puts("After inc #{by}: #{v}")
  end
end

# A second counter with the default initial value is independent of the first
other = Counter.start_link()
send(other, {:inc, 1, self()})
receive do
  {:new_value, v} -> IO.puts("Other counter is now #{v}")
end
send(counter, {:get, self()})
receive do
  {:value, v} -> IO.puts("First counter still: #{v}")
end
