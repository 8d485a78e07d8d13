d = Enum.into(1..40, HashDict.new, fn i -> {"k#{i}", i * i} end)
IO.inspect d
IO.inspect HashDict.size(d)
IO.inspect HashDict.fetch(d, "k7")
IO.inspect HashDict.fetch(d, "nope")
d2 = Enum.reduce(1..40//3, d, fn i, acc -> HashDict.delete(acc, "k#{i}") end)
IO.inspect d2
IO.inspect HashDict.size(d2)
IO.inspect HashDict.to_list(d2) |> length
IO.inspect HashDict.keys(d2) |> Enum.take(5)
IO.inspect HashDict.values(d2) |> Enum.take(5)
{v, d3} = HashDict.pop(d2, "k2")
IO.inspect {v, HashDict.size(d3)}
IO.inspect HashDict.pop(d3, "zz", :def) |> elem(0)
IO.inspect HashDict.update(d3, "k3", 0, &(&1 + 1)) |> HashDict.get("k3")
IO.inspect HashDict.update(d3, "new", 0, &(&1 + 1)) |> HashDict.get("new")
IO.inspect HashDict.merge(HashDict.new |> HashDict.put(:a, 1), HashDict.new |> HashDict.put(:a, 2) |> HashDict.put(:b, 3))
IO.inspect HashDict.equal?(d, d), label: "eq"
IO.inspect Enum.take(d, 3)
IO.inspect Enum.member?(d, {"k1", 1})
IO.inspect Enum.count(d)
IO.inspect Enum.map(HashDict.take(d, ["k1", "k2", "zz"]), fn {k, v} -> "#{k}=#{v}" end)
IO.inspect HashDict.split(d, ["k1", "k5"]) |> elem(0)
IO.inspect HashDict.drop(d, Enum.map(1..38, &"k#{&1}"))
IO.inspect Stream.zip(d, 1..3) |> Enum.to_list
try do
  HashDict.fetch!(d, :missing)
rescue
  e -> IO.puts Exception.message(e)
end
try do
  HashDict.update!(HashDict.new, :missing, & &1)
rescue
  e -> IO.puts Exception.message(e)
end
s = Enum.into([1, 2, 3, :a, "b", {1, 2}], HashSet.new)
IO.inspect s
s2 = Enum.reduce(1..30, HashSet.new, &HashSet.put(&2, &1))
IO.inspect s2
IO.inspect HashSet.delete(s2, 5) |> HashSet.delete(17) |> HashSet.to_list
IO.inspect HashSet.union(s, s2)
IO.inspect HashSet.intersection(s, s2)
IO.inspect HashSet.difference(s2, s)
IO.inspect {HashSet.subset?(HashSet.new |> HashSet.put(1), s), HashSet.disjoint?(s, s2), HashSet.equal?(s, s)}
IO.inspect Set.union(s, MapSet.new([100, 200]))
IO.inspect Set.intersection(MapSet.new([1, 2, 99]), s)
IO.inspect Set.equal?(MapSet.new([1]), HashSet.new |> HashSet.put(1))
IO.inspect Set.subset?(MapSet.new([1]), s)
IO.inspect Set.size(s), label: "size"
IO.inspect Dict.merge(%{a: 1}, [b: 2])
IO.inspect Dict.merge([a: 1], %{a: 3, b: 2})
IO.inspect Dict.merge(%{a: 1}, %{a: 2}, fn _k, a, b -> a + b end)
IO.inspect Dict.get([a: 1], :a)
IO.inspect Dict.equal?(%{a: 1}, [a: 1])
IO.inspect Dict.size(HashDict.new)
IO.inspect Dict.put(%{}, :x, 1)
IO.inspect Dict.update!([a: 1], :a, &(&1 * 10))
IO.inspect Dict.values(%{a: 1, b: 2})
try do
  Dict.put(:nope, 1, 2)
rescue
  e -> IO.inspect e
end
try do
  Set.put([1], 2)
rescue
  e -> IO.inspect e
end
IO.inspect for x <- s2, rem(x, 7) == 0, into: HashSet.new, do: x * 2
IO.inspect inspect(d, limit: 3)
IO.inspect %HashDict{}
