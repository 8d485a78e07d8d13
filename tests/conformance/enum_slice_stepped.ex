# Enum.slice/2 with a stepped index range, on lists, maps and ranges. On
# a range whose own step is not 1, Elixir 1.14 goes on by
# `range_step + slice_step - 1` (so `Enum.slice(1..10//3, 1..10//2)` is
# `[4, 8]`), and beamlet prints the same.
sources = [Enum.to_list(1..10), 1..10, 1..10//3, 5..1//-1, 10..-10//-4, 0..100//7, %{a: 1, b: 2, c: 3, d: 4}, MapSet.new(1..6)]
indexes = [0..3, 1..10//2, 0..-1//3, -3..-1//2, 2..8//3, 1..1//5, 3..1//1]

for s <- sources, i <- indexes do
  IO.puts("#{inspect(s)} #{inspect(i)} => #{inspect(Enum.slice(s, i))}")
end

IO.inspect(Enum.slice(1..20//2, 2, 4))
IO.inspect(Enum.slice(20..1//-3, -3, 2))
IO.inspect(Enum.at(1..20//4, 3))
IO.inspect(Enum.take(1..20//4, -2))

# `first..-1//step` (to the end) takes every `step`th element; other
# negative ends go through the protocol's slicing.
big = 0..300//10

for ir <- [0..9//2, 0..-1//2, 0..-1//3, 1..-1//2, 1..-2//3, -5..-1//2, -9..-1//3, -100..-1//3, 0..-21//3, 20..-1//7, 5..-1//1] do
  IO.puts("#{inspect(ir)} #{inspect(Enum.slice(big, ir))} #{inspect(Enum.slice(Enum.to_list(big), ir))}")
  IO.puts("  #{inspect(Enum.slice(MapSet.new(1..20), ir))} #{inspect(Enum.slice(Stream.map(big, & &1), ir))}")
end

# Maps and MapSets slice the same way on both paths only for step 1.
m = %{a: 1, b: 2, c: 3, d: 4, e: 5}
IO.inspect(Enum.slice(m, 0..-2//2))
IO.inspect(Enum.slice(m, 0..3//2))
IO.inspect(Enum.slice(MapSet.new(1..10), 0..5//2))
IO.inspect(Enum.slice(MapSet.new(1..10), 0..-5//2))
