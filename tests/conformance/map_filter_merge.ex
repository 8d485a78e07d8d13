# Map: filtering and merging.
m = %{a: 1, b: 2, c: 3, d: 4}

IO.inspect(Map.filter(m, fn {_k, v} -> rem(v, 2) == 0 end))
IO.inspect(Map.reject(m, fn {_k, v} -> rem(v, 2) == 0 end))
IO.inspect(Map.filter(m, fn {k, _v} -> k in [:a, :d] end))
IO.inspect(Map.filter(%{}, fn _ -> true end))
IO.inspect(Map.reject(m, fn _ -> true end))

IO.inspect(Map.merge(%{a: 1, b: 2}, %{b: 20, c: 30}))
IO.inspect(Map.merge(%{}, %{x: 1}))
IO.inspect(Map.merge(%{a: 1, b: 2}, %{b: 20, c: 30}, fn _k, v1, v2 -> v1 + v2 end))
IO.inspect(Map.merge(%{a: 1, b: 2, c: 3}, %{c: 4, d: 5}, fn k, v1, v2 -> {k, v1, v2} end))
IO.inspect(Map.merge(%{b: 2, c: 3}, %{a: 1, c: 4, d: 5}, fn :c, 3, 4 -> :x end))
IO.inspect(Map.merge(%{a: [1]}, %{a: [2]}, fn _, l, r -> l ++ r end))

inventory = [{:apple, 3}, {:pear, 1}, {:apple, 2}, {:fig, 5}, {:pear, 4}]

totals =
  Enum.reduce(inventory, %{}, fn {fruit, n}, acc ->
    Map.merge(acc, %{fruit => n}, fn _, old, new -> old + new end)
  end)

IO.inspect(totals)
IO.inspect(Map.filter(totals, fn {_, n} -> n > 4 end))
IO.inspect(Enum.map(totals, fn {k, v} -> {k, v * 2} end) |> Map.new())
IO.inspect(for {k, v} <- totals, into: %{}, do: {v, k})
IO.inspect(Enum.into([x: 1, y: 2], %{z: 0}))

for f <- [
      fn -> Map.filter([a: 1], fn _ -> true end) end,
      fn -> Map.reject(m, :not_a_fun) end,
      fn -> Map.merge(m, :nope) end,
      fn -> Map.merge(:nope, m) end,
      fn -> Map.merge(m, [a: 1], fn _, a, _ -> a end) end,
      fn -> Map.merge(m, m, fn _, a -> a end) end,
      fn -> Enum.into([1], %{}) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
