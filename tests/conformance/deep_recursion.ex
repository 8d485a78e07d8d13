defmodule Deep do
  def body_sum([]), do: 0
  def body_sum([h | t]), do: h + body_sum(t)

  def count_up(n), do: count_up(0, n)
  defp count_up(acc, 0), do: acc
  defp count_up(acc, n), do: count_up(acc + 1, n - 1)

  def build(0, acc), do: acc
  def build(n, acc), do: build(n - 1, [n | acc])

  def body_len([]), do: 0
  def body_len([_ | t]), do: 1 + body_len(t)

  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def body_map([], _f), do: []
  def body_map([h | t], f), do: [f.(h) | body_map(t, f)]
end

list = Deep.build(1_000_000, [])
IO.puts(Deep.body_sum(list))
IO.puts(Deep.body_len(list))
IO.puts(Deep.count_up(10_000_000))
IO.puts(Deep.fib(25))
mapped = Deep.body_map(list, &(&1 * 2))
IO.puts(Deep.body_sum(mapped))
IO.puts(length(mapped))
IO.puts(Enum.sum(list))
IO.puts(Enum.reduce(1..1_000_000, 0, &+/2))
