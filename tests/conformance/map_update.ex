# Map: changing the value of one key.
m = %{a: 1, b: 2}

IO.inspect(Map.put(m, :c, 3))
IO.inspect(Map.put(m, :a, :changed))
IO.inspect(Map.put_new(m, :a, 100))
IO.inspect(Map.put_new(m, :z, 26))
IO.inspect(Map.put_new_lazy(m, :a, fn -> raise "not called" end))
IO.inspect(Map.put_new_lazy(m, :z, fn -> 26 end))
IO.inspect(Map.replace(m, :a, 10))
IO.inspect(Map.replace(m, :x, 10))
IO.inspect(Map.replace!(m, :b, 20))
IO.inspect(Map.replace_lazy(m, :a, &(&1 * 100)))
IO.inspect(Map.replace_lazy(m, :x, &(&1 * 100)))
IO.inspect(Map.update(m, :a, 0, &(&1 + 1)))
IO.inspect(Map.update(m, :new, 0, &(&1 + 1)))
IO.inspect(Map.update!(m, :b, &[&1]))
IO.inspect(%{m | a: :via_syntax})

IO.inspect(Map.get_and_update(m, :a, fn current -> {current, current * 10} end))
IO.inspect(Map.get_and_update(m, :x, fn current -> {current, :set} end))
IO.inspect(Map.get_and_update(m, :a, fn _ -> :pop end))
IO.inspect(Map.get_and_update(m, :x, fn _ -> :pop end))
IO.inspect(Map.get_and_update!(m, :b, fn current -> {{:was, current}, 0} end))
IO.inspect(Map.get_and_update!(m, :b, fn _ -> :pop end))

counts = Enum.reduce(~w(a b a c a b), %{}, fn w, acc -> Map.update(acc, w, 1, &(&1 + 1)) end)
IO.inspect(counts)

for f <- [
      fn -> Map.replace!(m, :x, 1) end,
      fn -> Map.update!(m, :x, & &1) end,
      fn -> Map.update!(%{}, "k", & &1) end,
      fn -> Map.get_and_update!(m, :x, fn v -> {v, v} end) end,
      fn -> Map.get_and_update(m, :a, fn v -> v end) end,
      fn -> Map.get_and_update(m, :a, fn _ -> {1, 2, 3} end) end,
      fn -> Map.put(nil, :a, 1) end,
      fn -> Map.update(:m, :a, 0, & &1) end,
      fn -> Map.replace_lazy([a: 1], :a, & &1) end,
      fn -> %{m | x: 1} end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
