# Calls whose last argument is `x + k` or `x - k` (fused into one instruction).
defmodule Count do
  def down(acc, 0), do: acc
  def down(acc, n), do: down([n | acc], n - 1)

  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def id(x), do: x
  def next(x), do: id(x + 1)
  def prev(x), do: id(x - 3)
end

IO.inspect(Count.down([], 5))
IO.inspect(Count.fib(20))
IO.inspect(Count.next(1.5))
IO.inspect(Count.prev(0.25))
IO.inspect(Count.next(576_460_752_303_423_487))
IO.inspect(Count.next(1_152_921_504_606_846_975))
IO.inspect(Count.prev(-576_460_752_303_423_486))
IO.inspect(Count.next(100_000_000_000_000_000_000))

try do
  Count.next(:a)
rescue
  e -> IO.inspect(e)
end

try do
  Count.down([], "x")
rescue
  e -> IO.puts(Exception.message(e))
end
