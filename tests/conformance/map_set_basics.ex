# MapSet: building sets, membership, printing.
s = MapSet.new([3, 1, 2, 1])

IO.inspect(s)
IO.inspect(MapSet.new())
IO.inspect(MapSet.new(1..5, &(&1 * &1)))
IO.inspect(MapSet.new(s) == s)
IO.inspect(MapSet.new([1, 1.0, "1", :"1", '1']))
IO.inspect(MapSet.new('abc'))
IO.inspect(MapSet.new([MapSet.new([1]), MapSet.new([])]))
IO.inspect(MapSet.new([{:a, 1}, {:b, 2}]))
IO.inspect(MapSet.put(s, 4))
IO.inspect(MapSet.put(s, 1))
IO.inspect(MapSet.delete(s, 2))
IO.inspect(MapSet.delete(s, 42))
IO.inspect(MapSet.member?(s, 2))
IO.inspect(MapSet.member?(s, 2.0))
IO.inspect(MapSet.size(s))
IO.inspect(MapSet.size(MapSet.new(1..1000)))
IO.inspect(MapSet.to_list(s))
IO.inspect(MapSet.new([1, 2]) == MapSet.new([2, 1]))
IO.inspect(MapSet.new([1, 2]) === MapSet.new([2, 1, 2]))
IO.inspect(is_struct(s, MapSet))
IO.inspect(match?(%MapSet{}, s))
IO.inspect(Map.keys(s))
IO.inspect(inspect(s, limit: 2))
IO.puts(inspect(MapSet.new(["a long string", "another long string", "and another one", "one more to wrap"])))
IO.inspect(MapSet.new(1..3), label: "set")

for f <- [
      fn -> MapSet.new(42) end,
      fn -> MapSet.new([1], :not_a_fun) end,
      fn -> MapSet.put([1], 2) end,
      fn -> MapSet.delete(%{}, 2) end,
      fn -> MapSet.member?([1], 1) end,
      fn -> MapSet.size(%{}) end,
      fn -> MapSet.to_list(nil) end,
      fn -> to_string(MapSet.new([1])) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
