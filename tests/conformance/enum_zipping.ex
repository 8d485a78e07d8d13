# Enum.zip/1,2, zip_with/2,3, zip_reduce/3,4, unzip, with_index over lists, ranges, maps and streams.
IO.inspect(Enum.zip([1, 2, 3], [:a, :b]))
IO.inspect(Enum.zip(1..3, Stream.cycle([:x, :y])))
IO.inspect(Enum.zip([[1, 2, 3], ~w(a b c d), 10..100]))
IO.inspect(Enum.zip([]))
IO.inspect(Enum.zip([[], [1]]))
IO.inspect(Enum.zip(%{a: 1, b: 2}, [:first, :second, :third]))
IO.inspect(Enum.zip([Stream.iterate(0, &(&1 + 5)), 1..4]))
IO.inspect(Enum.zip_with([1, 2, 3], [10, 20, 30], &+/2))
IO.inspect(Enum.zip_with(1..3, Stream.repeatedly(fn -> 7 end), &*/2))
IO.inspect(Enum.zip_with([[1, 2], [3, 4], [5, 6]], &Enum.sum/1))
IO.inspect(Enum.zip_with([], fn x -> x end))
IO.inspect(Enum.zip_reduce([1, 2, 3], [4, 5], 0, fn x, y, acc -> acc + x * y end))
IO.inspect(Enum.zip_reduce(1..3, %{a: 1, b: 2, c: 3}, [], fn x, {k, v}, acc -> [{k, x + v} | acc] end))
IO.inspect(Enum.zip_reduce([[1, 2, 3], [4, 5, 6], [7, 8, 9]], [], fn xs, acc -> [Enum.sum(xs) | acc] end))
IO.inspect(Enum.zip_reduce([], :untouched, fn _, acc -> acc end))
IO.inspect(Enum.unzip([{:a, 1}, {:b, 2}, {:c, 3}]))
IO.inspect(Enum.unzip(%{x: 1, y: 2}))
IO.inspect(Enum.unzip([]))
IO.inspect(Enum.with_index(~w(a b c)))
IO.inspect(Enum.with_index(~w(a b c), 10))
IO.inspect(Enum.with_index(~w(a b c), -1))
IO.inspect(Enum.with_index(1..3, fn x, i -> x * i end))
IO.inspect(Enum.with_index(%{k: :v}))
IO.inspect(Stream.zip([1, 2, 3], [4, 5, 6]) |> Enum.to_list())
IO.inspect(Stream.zip_with(Stream.iterate(1, &(&1 * 2)), 1..5, &-/2) |> Enum.to_list())

try do
  Enum.unzip([{1, 2}, {3, 4, 5}])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.zip([1, 2], :not_enumerable)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
