# Code that native code compiles, taken through every way out of it:
# operands that are not small integers, raises, deep recursion, funs,
# BIFs, allocation, and preemption.
defmodule Paths do
  # Integers that outgrow small integers half way: native code hands the
  # addition to the interpreter, which makes a bignum.
  def sum_to(0, acc), do: acc
  def sum_to(n, acc), do: sum_to(n - 1, acc + n * 1_000_000_000_000)

  def double(x, 0), do: x
  def double(x, n), do: double(x * 2, n - 1)

  # The same function with floats: comparisons and arithmetic on them.
  def halve(x, n) when x < 1, do: {x, n}
  def halve(x, n), do: halve(x / 2, n + 1)

  def fsum(0, acc), do: acc
  def fsum(n, acc), do: fsum(n - 1, acc + 0.5)

  # Non-tail recursion deeper than native code nests.
  def len([]), do: 0
  def len([_ | t]), do: 1 + len(t)

  def build(0, acc), do: acc
  def build(n, acc), do: build(n - 1, [n | acc])

  # Mutual tail recursion between two functions.
  def even?(0), do: true
  def even?(n), do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n), do: even?(n - 1)

  # A raise deep inside compiled code, rescued outside it.
  def divide_all([], _), do: []
  def divide_all([h | t], d), do: [div(h, d) | divide_all(t, d)]

  def crash(0, x), do: x + :atom
  def crash(n, x), do: crash(n - 1, x + 1)

  # Funs: closures called from compiled code, and funs that are not closures.
  def apply_n(_f, 0, acc), do: acc
  def apply_n(f, n, acc), do: apply_n(f, n - 1, f.(acc))

  # Maps, tuples, guards with BIFs.
  def classify(x) when is_integer(x) and rem(x, 2) == 0, do: :even
  def classify(x) when is_integer(x), do: :odd
  def classify(x) when is_float(x), do: :float
  def classify(%{kind: k}), do: k
  def classify({a, b}) when tuple_size({a, b}) == 2, do: :pair
  def classify(_), do: :other

  def count(m, []), do: m
  def count(m, [k | t]), do: count(Map.update(m, k, 1, &(&1 + 1)), t)

  def spin(0), do: :done
  def spin(n), do: spin(n - 1)
end

IO.inspect(Paths.sum_to(10_000, 0))
IO.inspect(Paths.double(1, 70))
IO.inspect(Paths.halve(1.0e10, 0))
IO.inspect(Paths.fsum(3000, 0))
IO.inspect(Paths.len(Paths.build(200_000, [])))
IO.inspect({Paths.even?(100_001), Paths.odd?(100_001)})

try do
  Paths.divide_all(Enum.to_list(1..2000) ++ [5], 0)
rescue
  e in ArithmeticError -> IO.puts("rescued: " <> Exception.message(e))
end

try do
  Paths.crash(5000, 0)
rescue
  e -> IO.inspect(e)
end

IO.inspect(Paths.divide_all(Enum.to_list(1..10), 3))
k = 3
IO.inspect(Paths.apply_n(fn x -> x + k end, 5000, 0))
IO.inspect(Paths.apply_n(&Integer.to_string/1, 1, 7))
IO.inspect(Paths.apply_n(&abs/1, 3000, -4))

try do
  Paths.apply_n(fn x, y -> x + y end, 2000, 0)
rescue
  e in BadArityError -> IO.puts("bad arity: #{String.ends_with?(Exception.message(e), "with 1 argument (0)")}")
end

try do
  Paths.apply_n(:not_a_fun, 2000, 0)
rescue
  e in BadFunctionError -> IO.inspect(e)
end

IO.inspect(Enum.map([4, 7, 2.5, %{kind: :map}, {1, 2}, "s"], &Paths.classify/1))
IO.inspect(Paths.count(%{}, Enum.map(1..5000, &rem(&1, 7))))

# A busy compiled loop beside a process that must still get to run.
me = self()
spawn(fn -> send(me, {:spun, Paths.spin(30_000_000)}) end)
spawn(fn -> send(me, :quick) end)

receive do
  :quick -> IO.puts("the quick process ran first")
end

receive do
  {:spun, r} -> IO.inspect(r)
end
