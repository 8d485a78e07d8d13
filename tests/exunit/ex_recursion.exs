# Recursive solution code with errors deep inside; FunctionClauseError with arguments.
ExUnit.start(seed: 0)

defmodule Fact do
  def of(0), do: 1
  def of(n) when n > 0, do: n * of(n - 1)

  def sum_list([]), do: 0
  def sum_list([h | t]), do: h + sum_list(t)

  def flatten([]), do: []
  def flatten([h | t]) when is_list(h), do: flatten(h) ++ flatten(t)
  def flatten([h | t]), do: [h | flatten(t)]
end

defmodule RecursionTest do
  use ExUnit.Case

  test "negative", do: assert(Fact.of(-1) == 1)
  test "bad element", do: assert(Fact.sum_list([1, 2, :three]) == 6)
  test "improper input", do: assert(Fact.flatten(:x) == [])
  test "works", do: assert(Fact.of(5) == 120)
  test "wrong", do: assert(Fact.flatten([1, [2, [3]]]) == [1, 2])
end
