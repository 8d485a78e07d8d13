# Stream sources: iterate, unfold, repeatedly, cycle, duplicate, concat, flat_map, interval/timer; infinite ones cut by take.
IO.inspect(Stream.iterate(1, &(&1 * 2)) |> Enum.take(10))
IO.inspect(Stream.unfold({0, 1}, fn {a, b} -> {a, {b, a + b}} end) |> Enum.take(12))
IO.inspect(Stream.unfold(3, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list())
IO.inspect(Stream.repeatedly(fn -> :x end) |> Enum.take(3))
IO.inspect(Stream.cycle([1, 2, 3]) |> Enum.take(7))
IO.inspect(Stream.cycle(1..2) |> Stream.map(&(&1 * 10)) |> Enum.take(5))
IO.inspect([1, 2, 3] |> Stream.take(2) |> Stream.cycle() |> Enum.take(5))
IO.inspect(Stream.cycle([:a]) |> Stream.cycle() |> Enum.take(3))
IO.inspect(Stream.duplicate(:ok, 3) |> Enum.to_list())
IO.inspect(Stream.concat([1..3, [], [4], Stream.iterate(5, &(&1 + 1))]) |> Enum.take(8))
IO.inspect(Stream.concat(1..2, 3..4) |> Stream.cycle() |> Enum.take(10))
IO.inspect(Stream.flat_map(1..3, fn x -> List.duplicate(x, x) end) |> Enum.to_list())
IO.inspect(Stream.flat_map(Stream.iterate(1, &(&1 + 1)), &[&1, -&1]) |> Enum.take(7))
IO.inspect(Stream.flat_map(1..5, fn x -> Stream.take_while(x..10, &(&1 < x + 2)) end) |> Enum.to_list())
IO.inspect(Stream.interval(5) |> Enum.take(3))
IO.inspect(Stream.timer(5) |> Enum.to_list())
IO.inspect(Stream.zip(Stream.cycle([:a, :b]), Stream.iterate(0, &(&1 + 1))) |> Enum.take(5))
IO.inspect(Stream.zip([1..3, Stream.cycle([:x]), ~w(p q r s)]) |> Enum.to_list())
IO.inspect(Stream.zip_with([1..4, 10..40//10], &Enum.sum/1) |> Enum.to_list())
IO.inspect(Stream.zip_with(1..3, Stream.repeatedly(fn -> 2 end), &*/2) |> Enum.to_list())
IO.inspect(Stream.intersperse(1..4, :and) |> Enum.to_list())
IO.inspect(Stream.intersperse([], :and) |> Enum.to_list())

try do
  Stream.cycle([])
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Stream.cycle(%{}) |> Enum.take(1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
