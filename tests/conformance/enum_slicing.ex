# Enum.slice/2,3 with ranges (negative indices, steps), at/fetch/fetch!, take/drop with negative counts, split.
list = Enum.to_list(1..10)
enums = [list, 1..10, Stream.map(list, & &1), %{a: 1, b: 2, c: 3}]

for enum <- enums do
  IO.inspect(Enum.slice(enum, 1..3))
  IO.inspect(Enum.slice(enum, -3..-1))
  IO.inspect(Enum.slice(enum, 0..-1//2))
  IO.inspect(Enum.slice(enum, 2..-2//3))
  IO.inspect(Enum.slice(enum, 5..2//1))
  IO.inspect(Enum.slice(enum, -100..1))
  IO.inspect(Enum.slice(enum, 1, 2))
  IO.inspect(Enum.slice(enum, -2, 5))
  IO.inspect(Enum.slice(enum, 20, 5))
  IO.inspect({Enum.at(enum, 1), Enum.at(enum, -1), Enum.at(enum, 99, :none)})
  IO.inspect({Enum.fetch(enum, 2), Enum.fetch(enum, -20)})
  IO.inspect({Enum.take(enum, 2), Enum.take(enum, -2), Enum.drop(enum, 8), Enum.drop(enum, -8)})
  IO.inspect({Enum.split(enum, 2), Enum.split(enum, -2)})
end

IO.inspect(Enum.slice(list, 1..-1))
IO.inspect(Enum.slice(list, 3..1))
IO.inspect(Stream.iterate(1, &(&1 * 2)) |> Enum.slice(3..6))
IO.inspect(Stream.cycle([:a, :b, :c]) |> Enum.slice(2, 5))
IO.inspect(Stream.cycle([:a, :b, :c]) |> Enum.at(100))

try do
  Enum.fetch!(list, 10)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.slice(list, 1..9//-2)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.slice(list, 1, -1)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end

try do
  Enum.at(list, 1.0)
rescue
  e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
end
