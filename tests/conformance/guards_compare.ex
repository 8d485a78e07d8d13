defmodule Grade do
  def letter(n) when n >= 90, do: :a
  def letter(n) when n >= 80 and n < 90, do: :b
  def letter(n) when n >= 70, do: :c
  def letter(_), do: :f

  def check(x) when x == 1, do: "equal-ish to 1"
  def check(x) when x === 2, do: "strictly 2"
  def check(x) when x != 3, do: "not 3"
  def check(_), do: "three"

  def between(x, lo, hi) when lo <= x and x <= hi, do: true
  def between(_, _, _), do: false
end

Enum.each([95, 85, 75, 10, 90, 80], fn n -> IO.inspect({n, Grade.letter(n)}) end)
IO.puts(Grade.check(1))
IO.puts(Grade.check(1.0))
IO.puts(Grade.check(2))
IO.puts(Grade.check(2.0))
IO.puts(Grade.check(3))
IO.puts(Grade.check(3.0))
IO.puts(Grade.check(:atom))
IO.inspect(Grade.between(5, 1, 10))
IO.inspect(Grade.between(0, 1, 10))
IO.inspect(Grade.between(:x, 1, 10))
IO.inspect(Grade.between(10.0, 1, 10))
