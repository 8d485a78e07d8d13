# Enum.take_every/drop_every/map_every, slide/3, reverse_slice/3, split_while, take_while/drop_while, intersperse.
IO.inspect(Enum.take_every(1..10, 3))
IO.inspect(Enum.take_every([1, 2, 3], 0))
IO.inspect(Enum.take_every(%{a: 1, b: 2, c: 3}, 2))
IO.inspect(Enum.drop_every(1..10, 3))
IO.inspect(Enum.drop_every(1..10, 1))
IO.inspect(Enum.drop_every(1..4, 0))
IO.inspect(Enum.map_every(1..10, 4, &(&1 * 100)))
IO.inspect(Enum.map_every([1, 2, 3], 0, &(&1 * 100)))
IO.inspect(Enum.map_every([1, 2, 3], 1, &(&1 * 100)))
letters = ~w(a b c d e f g)
IO.inspect(Enum.slide(letters, 5, 1))
IO.inspect(Enum.slide(letters, 1, 5))
IO.inspect(Enum.slide(letters, 3..5, 0))
IO.inspect(Enum.slide(letters, 0..1, 6))
IO.inspect(Enum.slide(letters, -3..-1, 1))
IO.inspect(Enum.slide(letters, 2..100, 0))
IO.inspect(Enum.slide(1..7, 0, 6))
IO.inspect(Enum.slide([], 0, 1))
IO.inspect(Enum.reverse_slice([1, 2, 3, 4, 5, 6], 2, 3))
IO.inspect(Enum.reverse_slice(1..6, 4, 10))
IO.inspect(Enum.reverse_slice(1..6, 10, 2))
IO.inspect(Enum.split_while([1, 2, 3, 4, 1], &(&1 < 3)))
IO.inspect(Enum.split_while(1..5, fn _ -> true end))
IO.inspect(Enum.take_while(Stream.iterate(1, &(&1 * 2)), &(&1 < 100)))
IO.inspect(Enum.drop_while(1..8, &(&1 < 6)))
IO.inspect(Enum.intersperse([1, 2, 3], :sep))
IO.inspect(Enum.intersperse([], :sep))
IO.inspect(Enum.map_intersperse(1..3, ", ", &Integer.to_string/1))

for fun <- [
      fn -> Enum.slide(letters, 1..3//2, 5) end,
      fn -> Enum.slide(letters, 1..4, 2) end,
      fn -> Enum.take_every(letters, -1) end,
      fn -> Enum.map_every(letters, 1.5, & &1) end
    ] do
  try do
    IO.inspect(fun.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
