defmodule Sort do
  def quick([]), do: []
  def quick([pivot | rest]) do
    smaller = for x <- rest, x < pivot, do: x
    larger = for x <- rest, x >= pivot, do: x
    quick(smaller) ++ [pivot] ++ quick(larger)
  end

  def merge_sort([]), do: []
  def merge_sort([x]), do: [x]
  def merge_sort(list) do
    {l, r} = split(list, [], [])
    merge(merge_sort(l), merge_sort(r))
  end

  defp split([], l, r), do: {l, r}
  defp split([x | t], l, r), do: split(t, r, [x | l])

  defp merge([], r), do: r
  defp merge(l, []), do: l
  defp merge([a | ta], [b | _] = rb) when a <= b, do: [a | merge(ta, rb)]
  defp merge(la, [b | tb]), do: [b | merge(la, tb)]

  def insertion(list), do: Enum.reduce(list, [], &insert/2)
  defp insert(x, []), do: [x]
  defp insert(x, [h | t]) when x <= h, do: [x, h | t]
  defp insert(x, [h | t]), do: [h | insert(x, t)]
end

data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0, 27]
IO.inspect(Sort.quick(data))
IO.inspect(Sort.merge_sort(data))
IO.inspect(Sort.insertion(data))
IO.inspect(Sort.quick(data) == Enum.sort(data))
IO.inspect(Sort.quick(["pear", "fig", "apple"]))
IO.inspect(Sort.merge_sort([3.5, 1, 2.25, :atom, "str"]))
big = for i <- 1..2000, do: rem(i * 7919, 1009)
IO.inspect(Enum.sum(Sort.merge_sort(big)) == Enum.sum(big))
IO.inspect(Sort.quick(big) == Sort.merge_sort(big))
[a, b, c, d, e, f | _] = Sort.merge_sort(big)
IO.inspect([a, b, c, d, e, f])
