# `in` in guards: module attributes holding lists and ranges, lists with
# tails, ranges with literal and run-time steps.
defmodule InGuards do
  @small [4, 5]
  @range 6..8
  @tail [13, 14]
  @stepped 30..40//5

  def kind(x) when x in [0], do: :list
  def kind(x) when x in 1..3, do: :range
  def kind(x) when x in @small, do: :attr_list
  def kind(x) when x in @range, do: :attr_range
  def kind(x) when x in [9 | [10, 11]], do: :cons
  def kind(x) when x in [12 | @tail], do: :cons_attr
  def kind(x) when x in 21..15//1, do: :never
  def kind(x) when x in 15..21//2, do: :odd_step
  def kind(x) when x in 29..23//-2, do: :down_step
  def kind(x) when x in @stepped, do: :attr_step
  def kind(x) when x not in 50..60, do: :outside
  def kind(_), do: :other

  def dyn(x, a, b, s) when x in a..b//s, do: true
  def dyn(_, _, _, _), do: false
end

IO.inspect(Enum.map([0, 2, 5, 7, 10, 14, 15, 16, 17, 27, 28, 35, 36, 55, 100], &InGuards.kind/1))
IO.inspect({InGuards.dyn(5, 1, 9, 2), InGuards.dyn(4, 1, 9, 2), InGuards.dyn(4, 9, 1, -1), InGuards.dyn(4, 1, 9, -1), InGuards.dyn(:a, 1, 9, 1)})
