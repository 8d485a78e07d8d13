IO.inspect(Enum.map(1..5, &(&1 * 3)))
IO.inspect(Enum.filter(1..30, &(rem(&1, 4) == 0)))
IO.inspect(Enum.reduce(1..10, &+/2))
IO.inspect(Enum.sum(1..1000))
IO.inspect(Enum.count(1..0//1))
IO.inspect(Enum.count(10..1))
IO.inspect(Enum.reverse(1..10//3))
IO.inspect(Enum.join(1..10, ","))
IO.inspect(Enum.with_index(?a..?e))
Enum.each(3..1, &IO.puts/1)

squares_of_odds =
  1..20
  |> Enum.filter(&(rem(&1, 2) == 1))
  |> Enum.map(&(&1 * &1))
  |> Enum.reduce(0, &+/2)
IO.inspect(squares_of_odds)

report =
  ["apple", "banana", "cherry"]
  |> Enum.with_index(1)
  |> Enum.map(fn {fruit, i} -> "#{i}. #{fruit}" end)
  |> Enum.join("\n")
IO.puts(report)

sum_digits = fn n ->
  n |> to_string() |> to_charlist() |> Enum.map(&(&1 - ?0)) |> Enum.sum()
end
IO.inspect(Enum.map([0, 9, 123, 99999], sum_digits))

{evens, odds} = Enum.reduce(1..10, {[], []}, fn x, {e, o} ->
  if rem(x, 2) == 0, do: {[x | e], o}, else: {e, [x | o]}
end)
IO.inspect({Enum.reverse(evens), Enum.reverse(odds)})
IO.inspect(Enum.map(1..3, fn i -> Enum.map(1..3, fn j -> i * j end) end))
