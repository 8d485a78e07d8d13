defmodule Shapes do
  def area({:square, s}), do: s * s
  def area({:rect, w, h}), do: w * h
  def area({:circle, r}), do: 3 * r * r
  def area(_other), do: :unknown

  def describe(0), do: "zero"
  def describe(1), do: "one"
  def describe(n) when n < 0, do: "negative"
  def describe(_), do: "many"

  def first([]), do: nil
  def first([x | _]), do: x
end

IO.puts(Shapes.area({:square, 4}))
IO.puts(Shapes.area({:rect, 2, 7}))
IO.puts(Shapes.area({:circle, 10}))
IO.inspect(Shapes.area({:hexagon, 1}))
IO.inspect(Shapes.area("nope"))
Enum.each([0, 1, -5, 42], fn n -> IO.puts("#{n}: #{Shapes.describe(n)}") end)
IO.inspect(Shapes.first([]))
IO.inspect(Shapes.first([:a, :b]))
IO.inspect(Shapes.first(['x', 'y']))
