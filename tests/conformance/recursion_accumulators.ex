defmodule Acc do
  def stats(list), do: stats(list, 0, 0, nil, nil)
  defp stats([], count, sum, min, max), do: %{count: count, sum: sum, min: min, max: max}
  defp stats([h | t], 0, 0, nil, nil), do: stats(t, 1, h, h, h)
  defp stats([h | t], c, s, mn, mx), do: stats(t, c + 1, s + h, min(h, mn), max(h, mx))

  def flatten([]), do: []
  def flatten([h | t]) when is_list(h), do: flatten(h) ++ flatten(t)
  def flatten([h | t]), do: [h | flatten(t)]

  def range(a, b) when a > b, do: []
  def range(a, b), do: [a | range(a + 1, b)]

  def chunk(list, n), do: chunk(list, n, [], [])
  defp chunk([], _n, [], acc), do: Enum.reverse(acc)
  defp chunk([], _n, cur, acc), do: Enum.reverse([Enum.reverse(cur) | acc])
  defp chunk([h | t], n, cur, acc) when length(cur) + 1 == n, do: chunk(t, n, [], [Enum.reverse([h | cur]) | acc])
  defp chunk([h | t], n, cur, acc), do: chunk(t, n, [h | cur], acc)

  def ackermann(0, n), do: n + 1
  def ackermann(m, 0), do: ackermann(m - 1, 1)
  def ackermann(m, n), do: ackermann(m - 1, ackermann(m, n - 1))

  def hanoi(0, _from, _to, _via), do: []
  def hanoi(n, from, to, via), do: hanoi(n - 1, from, via, to) ++ [{from, to}] ++ hanoi(n - 1, via, to, from)
end

IO.inspect(Acc.stats([3, 9, -2, 7]))
IO.inspect(Acc.stats([]))
IO.inspect(Acc.flatten([1, [2, [3, []], 4], [[5]]]))
IO.inspect(Acc.range(3, 8))
IO.inspect(Acc.range(5, 1))
IO.inspect(Acc.chunk(Enum.to_list(1..10), 3))
IO.inspect(Acc.ackermann(2, 3))
IO.inspect(Acc.ackermann(3, 3))
IO.inspect(Acc.hanoi(3, :a, :c, :b))
IO.inspect(length(Acc.hanoi(10, :a, :c, :b)))
