# A guard comparing with an integer that returns at once, and a sum that is
# returned (each fused into one instruction), on every kind of operand.
defmodule R do
  def small(n) when n < 2, do: n
  def small(n) when n >= 100, do: {:big, n}
  def small(_), do: :mid

  def sum(a, b), do: a + b

  def count(n, acc) when n <= 0, do: acc
  def count(n, acc), do: count(n - 1, acc + 1)
end

for v <- [1, 1.5, -3, 2, 2.0, 99.9, 100, 100.0, :atom, "s", [1], {1}, 1_000_000_000_000_000_000_000] do
  IO.inspect(R.small(v))
end

IO.inspect(R.sum(1, 2))
IO.inspect(R.sum(1.5, 2))
IO.inspect(R.sum(576_460_752_303_423_487, 1))
IO.inspect(R.sum(-576_460_752_303_423_488, -1))
IO.inspect(R.sum(100_000_000_000_000_000_000, -100_000_000_000_000_000_000))
IO.inspect(R.count(100_000, 0))

try do
  R.sum(1, :two)
rescue
  e in ArithmeticError -> IO.puts("rescued: " <> Exception.message(e))
end
