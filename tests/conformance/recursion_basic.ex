defmodule Rec do
  # body recursion
  def sum([]), do: 0
  def sum([h | t]), do: h + sum(t)

  # tail recursion with accumulator
  def sum_tail(list, acc \\ 0)
  def sum_tail([], acc), do: acc
  def sum_tail([h | t], acc), do: sum_tail(t, acc + h)

  def len([]), do: 0
  def len([_ | t]), do: 1 + len(t)

  def reverse(list), do: reverse(list, [])
  defp reverse([], acc), do: acc
  defp reverse([h | t], acc), do: reverse(t, [h | acc])

  def map([], _f), do: []
  def map([h | t], f), do: [f.(h) | map(t, f)]

  def countdown(0), do: IO.puts("liftoff")
  def countdown(n) do
    IO.puts(n)
    countdown(n - 1)
  end

  def fact(0), do: 1
  def fact(n) when n > 0, do: n * fact(n - 1)
end

IO.puts(Rec.sum([1, 2, 3, 4, 5]))
IO.puts(Rec.sum_tail([1, 2, 3, 4, 5]))
IO.puts(Rec.len([:a, :b, :c]))
IO.inspect(Rec.reverse([1, 2, 3]))
IO.inspect(Rec.map([1, 2, 3], fn x -> x * x end))
Rec.countdown(3)
IO.puts(Rec.fact(10))
IO.puts(Rec.fact(20))
