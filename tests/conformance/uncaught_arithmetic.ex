defmodule Avg do
  def mean(list), do: Enum.sum(list) / length(list)
  def int_mean(list), do: div(Enum.sum(list), length(list))
end

IO.puts(Avg.mean([1, 2, 3, 4]))
IO.puts(Avg.int_mean([1, 2, 3, 4]))
IO.puts("now an empty list")
IO.puts(Avg.int_mean([]))
IO.puts("unreachable")
