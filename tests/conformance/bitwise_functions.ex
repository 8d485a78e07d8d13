# Bitwise: every function and operator, bignums, negative numbers, guards, captures, errors
import Bitwise

pairs = [{1, 1}, {0, 1}, {12, 10}, {-12, 10}, {-1, 255}, {2 ** 70 + 5, 2 ** 64 - 1}, {-(2 ** 70), 3}]
for {a, b} <- pairs do
  IO.inspect({a, b, band(a, b), bor(a, b), bxor(a, b), a &&& b, a ||| b})
end

for {a, s} <- [{1, 1}, {1, 64}, {5, -1}, {-16, 2}, {-1, 100}, {2 ** 70, -68}, {255, 0}] do
  IO.inspect({a, s, bsl(a, s), bsr(a, s), a <<< s, a >>> s})
end

IO.inspect({bnot(0), bnot(1), bnot(-1), ~~~5, bnot(2 ** 80)})

classify = fn
  x when band(x, 1) == 1 -> :odd
  x when (x &&& 3) == 2 -> :two_mod_four
  x when bsr(x, 4) > 0 -> :big
  _ -> :other
end

IO.inspect(Enum.map([1, 2, 4, 16, 0, 6], classify))
IO.inspect(Enum.map([1, 2, 3], &bsl(&1, 2)))
IO.inspect(Enum.reduce([1, 2, 4, 8], 0, &Bitwise.bor/2))
IO.inspect(apply(Bitwise, :bxor, [5, 3]))

defmodule Flags do
  use Bitwise
  def has?(flags, flag) when (flags &&& flag) != 0, do: true
  def has?(_, _), do: false
end

IO.inspect({Flags.has?(0b101, 0b100), Flags.has?(0b101, 0b010)})

for f <- [fn -> band(1.0, 1) end, fn -> bnot(:a) end, fn -> bsl(1, 1.5) end, fn -> bxor("a", 1) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
