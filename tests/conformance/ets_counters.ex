# :ets.update_counter and update_element in every form
t = :ets.new(:counters, [:set, :public])
:ets.insert(t, {:hits, 0, 10, :label})
IO.inspect(:ets.update_counter(t, :hits, 1))
IO.inspect(:ets.update_counter(t, :hits, 5))
IO.inspect(:ets.update_counter(t, :hits, {3, -4}))
IO.inspect(:ets.update_counter(t, :hits, [{2, 1}, {3, 100}]))
IO.inspect(:ets.lookup(t, :hits))
# thresholds: wrap around
IO.inspect(:ets.update_counter(t, :hits, {2, 10, 15, 0}))
IO.inspect(:ets.update_counter(t, :hits, {3, -200, 0, 99}))
IO.inspect(:ets.lookup(t, :hits))
# default objects
IO.inspect(:ets.update_counter(t, :new, 1, {:new, 0}))
IO.inspect(:ets.update_counter(t, :new, 1, {:new, 0}))
IO.inspect(:ets.update_counter(t, :other, {2, 5}, {:ignored, 100, 7}))
IO.inspect(:ets.lookup(t, :other))
IO.inspect(:ets.update_counter(t, :big, 1, {:big, 9_223_372_036_854_775_807}))
# update_element
IO.inspect(:ets.update_element(t, :hits, {4, :renamed}))
IO.inspect(:ets.update_element(t, :hits, [{2, 0}, {3, 0}]))
IO.inspect(:ets.lookup(t, :hits))
IO.inspect(:ets.update_element(t, :missing, {2, 1}))
# a counter shared by processes
parent = self()
for _ <- 1..4 do
  spawn(fn ->
    Enum.each(1..250, fn _ -> :ets.update_counter(t, :shared, 1, {:shared, 0}) end)
    send(parent, :done)
  end)
end
for _ <- 1..4, do: (receive do :done -> :ok end)
IO.inspect(:ets.lookup(t, :shared))
# errors
try_it = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
try_it.(fn -> :ets.update_counter(t, :nope, 1) end)
try_it.(fn -> :ets.update_counter(t, :hits, {1, 1}) end)
try_it.(fn -> :ets.update_counter(t, :hits, {4, 1}) end)
try_it.(fn -> :ets.update_counter(t, :hits, {9, 1}) end)
try_it.(fn -> :ets.update_counter(t, :hits, :x) end)
try_it.(fn -> :ets.update_element(t, :hits, {1, :k}) end)
try_it.(fn -> :ets.update_element(t, :hits, {9, :k}) end)
try_it.(fn -> :ets.update_counter(:ets.new(:b, [:bag]), :k, 1) end)
