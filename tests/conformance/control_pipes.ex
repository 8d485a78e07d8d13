result =
  [5, 3, 8, 1]
  |> Enum.map(&(&1 * 2))
  |> Enum.filter(&(&1 > 4))
  |> Enum.sum()
IO.puts(result)

"hello"
|> Kernel.<>(" world")
|> IO.puts()

1..5 |> Enum.reverse() |> IO.inspect()

defmodule Pipe do
  def add(x, y), do: x + y
  def mul(x, y), do: x * y
  def wrap(x, tag \\ :val), do: {tag, x}
end

3 |> Pipe.add(4) |> Pipe.mul(10) |> IO.inspect()
7 |> Pipe.wrap() |> IO.inspect()
7 |> Pipe.wrap(:num) |> IO.inspect()
[1, 2, 3] |> length() |> IO.inspect()
:atom |> is_atom() |> IO.inspect()
sq = fn x -> x * x end
4 |> sq.() |> IO.inspect()
[1, 2, 3] |> Enum.map(fn x -> x + 1 end) |> Enum.join(",") |> IO.puts()
x = [3, 1, 2] |> Enum.sort() |> hd()
IO.inspect(x)
[:a, :b, :c] |> Enum.with_index() |> IO.inspect()
1 |> Kernel.+(2) |> IO.inspect()
IO.inspect(10 |> div(3))
IO.inspect([1, 2] |> Kernel.++([3]))
