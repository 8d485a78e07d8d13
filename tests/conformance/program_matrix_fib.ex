defmodule Matrix do
  def transpose(m), do: m |> Enum.zip() |> Enum.map(&Tuple.to_list/1)

  def multiply(a, b) do
    bt = transpose(b)
    for row <- a, do: for(col <- bt, do: Enum.zip(row, col) |> Enum.map(fn {x, y} -> x * y end) |> Enum.sum())
  end

  def identity(n), do: for(i <- 1..n, do: for(j <- 1..n, do: if(i == j, do: 1, else: 0)))

  def format(m) do
    width = m |> List.flatten() |> Enum.map(&(&1 |> to_string() |> String.length())) |> Enum.max()
    Enum.map_join(m, "\n", fn row -> Enum.map_join(row, " ", &String.pad_leading(to_string(&1), width)) end)
  end
end

a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
IO.puts(Matrix.format(Matrix.multiply(a, b)))
IO.puts(Matrix.format(Matrix.transpose(a)))
IO.puts(Matrix.format(Matrix.identity(3)))
IO.inspect(Matrix.multiply(Matrix.identity(2), [[1.5, 2], [3, 4]]))

defmodule Fib do
  def fib(n), do: fib(n, 0, 1)
  defp fib(0, a, _), do: a
  defp fib(n, a, b), do: fib(n - 1, b, a + b)
end

IO.puts(Fib.fib(100))
IO.inspect(Enum.map(0..15, &Fib.fib/1))
IO.inspect(Stream.unfold({0, 1}, fn {a, b} -> {a, {b, a + b}} end) |> Enum.take(10))
IO.puts(Integer.to_string(255, 2) <> " " <> Integer.to_string(255, 16))
IO.inspect(Integer.digits(9876))
IO.inspect(:math.sqrt(2) |> Float.round(5))
IO.inspect(10 / 4)
IO.inspect(div(-7, 2))
IO.inspect(rem(-7, 2))
IO.inspect(Integer.mod(-7, 2))
IO.puts(:erlang.float_to_binary(3.14159, decimals: 3))
IO.puts(Float.to_string(1.0e10))
IO.inspect(1.0e10)
IO.inspect(Enum.sum([0.1, 0.2, 0.3]))
IO.inspect(2 ** 100)
