# `in` with ranges in guards: literal and run-time bounds, counting down without a step, non-integer bounds.
defmodule R do
  def dyn(x, y, z) when x in y..z, do: true
  def dyn(_, _, _), do: false
  def lit_down(x) when x in -1..-3, do: :down
  def lit_down(x) when x in 3..5, do: :up
  def lit_down(_), do: :none
  def step(x, y, z, w) when x in y..z//w, do: true
  def step(_, _, _, _), do: false
  def not_in(x, y, z) when x not in y..z, do: :outside
  def not_in(_, _, _), do: :inside
  def case_in(x, r) do
    case r do
      {a, b} when x in a..b -> true
      _ -> false
    end
  end
end

IO.inspect(for x <- 0..4, do: {R.dyn(x, 1, 3), R.dyn(x, 3, 1)})
IO.inspect({R.dyn(2, 1.0, 3), R.dyn(2, 1, 3.0), R.dyn(2.0, 1, 3), R.dyn(:a, 1, 3), R.dyn(2, :a, 3)})
IO.inspect(for x <- -4..6, do: R.lit_down(x))
IO.inspect(for x <- 0..5, do: {R.step(x, 1, 4, 2), R.step(x, 4, 1, -1), R.step(x, 1, 4, -1)})
IO.inspect(for x <- 0..4, do: {R.not_in(x, 1, 3), R.not_in(x, 3, 1)})
IO.inspect({R.not_in(2, 1.0, 3), R.case_in(-3, {-1, -3}), R.case_in(0, {-1, -3}), R.case_in(2, {1, 3})})
IO.inspect({2 in 3..1, 0 in 3..1, 2 in 1..3//2, 3 in 1..3//2})
