defmodule Geometry.Rect do
  def area({w, h}), do: w * h
  def perimeter({w, h}), do: 2 * (w + h)
  def name, do: __MODULE__
end

defmodule Geometry.Circle.Util do
  def describe(r) do
    "circle of radius #{r} from #{inspect(__MODULE__)}"
  end
end

defmodule Geometry do
  def both(dims) do
    {Geometry.Rect.area(dims), Geometry.Rect.perimeter(dims)}
  end
end

IO.puts(Geometry.Rect.area({3, 4}))
IO.puts(Geometry.Rect.perimeter({3, 4}))
IO.inspect(Geometry.Rect.name())
IO.puts(Geometry.Rect.name())
IO.puts(Geometry.Circle.Util.describe(2))
IO.inspect(Geometry.both({5, 6}))
IO.inspect(Geometry.Rect == :"Elixir.Geometry.Rect")
IO.inspect(is_atom(Geometry.Rect))
IO.puts(inspect(Geometry))
IO.inspect([Geometry.Rect, Geometry.Circle.Util])
