# MapSet: set operations, filtering, and the Enumerable/Collectable protocols.
a = MapSet.new([1, 2, 3, 4])
b = MapSet.new([3, 4, 5])

IO.inspect(MapSet.union(a, b))
IO.inspect(MapSet.intersection(a, b))
IO.inspect(MapSet.difference(a, b))
IO.inspect(MapSet.difference(b, a))
IO.inspect(MapSet.symmetric_difference(a, b))
IO.inspect(MapSet.disjoint?(a, b))
IO.inspect(MapSet.disjoint?(a, MapSet.new([9])))
IO.inspect(MapSet.subset?(MapSet.new([3, 4]), a))
IO.inspect(MapSet.subset?(a, b))
IO.inspect(MapSet.subset?(MapSet.new(), b))
IO.inspect(MapSet.equal?(a, MapSet.new([4, 3, 2, 1])))
IO.inspect(MapSet.equal?(a, b))
IO.inspect(MapSet.equal?(MapSet.new([1]), MapSet.new([1.0])))
IO.inspect(MapSet.filter(a, &(rem(&1, 2) == 0)))
IO.inspect(MapSet.reject(a, &(rem(&1, 2) == 0)))
IO.inspect(MapSet.union(MapSet.new(1..20), MapSet.new(10..30)) |> MapSet.size())
IO.inspect(MapSet.difference(MapSet.new(1..50), MapSet.new(2..49)))

IO.inspect(Enum.map(a, &(&1 * 10)))
IO.inspect(Enum.count(b))
IO.inspect(Enum.member?(b, 5))
IO.inspect(5 in b)
IO.inspect(Enum.sum(a))
IO.inspect(Enum.filter(a, &(&1 > 2)))
IO.inspect(Enum.take(a, 2))
IO.inspect(Enum.into([7, 8, 7], MapSet.new()))
IO.inspect(Enum.into([0], a))
IO.inspect(for x <- 1..6, into: MapSet.new(), do: rem(x, 3))
IO.inspect(Map.new(MapSet.new(a: 1, b: 2)))
IO.inspect(Enum.reduce(b, [], &[&1 | &2]))

old = %{__struct__: MapSet, map: %{1 => true, 2 => true}}
IO.inspect(MapSet.size(old))
IO.inspect(MapSet.member?(old, 2))
IO.inspect(MapSet.to_list(MapSet.union(old, MapSet.new([3]))))
IO.inspect(MapSet.equal?(old, MapSet.new([1, 2])))

for f <- [
      fn -> MapSet.union(a, [5]) end,
      fn -> MapSet.intersection([1], a) end,
      fn -> MapSet.difference(a, nil) end,
      fn -> MapSet.subset?(a, 5) end,
      fn -> MapSet.equal?(a, [1, 2, 3, 4]) end,
      fn -> MapSet.filter(a, :nope) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
