defmodule HO do
  def twice(f, x), do: f.(f.(x))
  def compose(f, g), do: fn x -> g.(f.(x)) end
  def apply_n(_f, 0, x), do: x
  def apply_n(f, n, x), do: apply_n(f, n - 1, f.(x))
  def my_filter([], _p), do: []
  def my_filter([h | t], p) do
    if p.(h), do: [h | my_filter(t, p)], else: my_filter(t, p)
  end
  def fold([], acc, _f), do: acc
  def fold([h | t], acc, f), do: fold(t, f.(h, acc), f)
end

IO.puts(HO.twice(fn x -> x * 3 end, 2))
inc_then_double = HO.compose(&(&1 + 1), &(&1 * 2))
IO.puts(inc_then_double.(5))
IO.puts(HO.apply_n(&(&1 * 2), 10, 1))
IO.inspect(HO.my_filter(1..10 |> Enum.to_list(), &(rem(&1, 3) == 0)))
IO.inspect(HO.fold([1, 2, 3], [], fn x, acc -> [x | acc] end))

adders = Enum.map(1..3, fn n -> fn x -> x + n end end)
IO.inspect(Enum.map(adders, fn f -> f.(10) end))

pipeline = [&(&1 + 1), &(&1 * 10), &(&1 - 3)]
IO.puts(Enum.reduce(pipeline, 4, fn f, acc -> f.(acc) end))

make_counter = fn start ->
  {fn -> start end, fn by -> start + by end}
end
{get, add} = make_counter.(7)
IO.inspect({get.(), add.(3)})
curry = fn a -> fn b -> fn c -> a * 100 + b * 10 + c end end end
IO.puts(curry.(1).(2).(3))
IO.inspect(HO.compose(HO.compose(&(&1 * 2), &(&1 + 1)), &inspect/1).(4))
