# Update syntax, its KeyError, and matching %S{}, %mod{} and %_{}.
defmodule Point do
  defstruct x: 0, y: 0
end
defmodule Circle do
  defstruct center: %Point{}, radius: 1
end
defmodule Shapes do
  def describe(%Circle{radius: r, center: %Point{x: x}}) when r > 10, do: "big circle at x=#{x}"
  def describe(%Circle{}), do: "circle"
  def describe(%Point{x: 0, y: 0}), do: "origin"
  def describe(%Point{x: x, y: y}) when x == y, do: "diagonal #{x}"
  def describe(%mod{}), do: "other struct #{inspect(mod)}"
  def describe(%{}), do: "plain map"
  def describe(_), do: "not a map"

  def same_kind?(%mod{}, %mod{}), do: true
  def same_kind?(_, _), do: false

  def fetch_x(mod, value) do
    case value do
      %^mod{x: x} -> {:ok, x}
      _ -> :error
    end
  end
end

defmodule Main do
  def run do
    p = %Point{x: 1, y: 2}
    IO.inspect(%Point{p | x: 10})
    IO.inspect(%{p | y: -1})
    c = %Circle{center: p, radius: 20}
    IO.inspect(%Circle{c | center: %Point{c.center | y: 99}})

    for v <- [c, %Circle{}, %Point{}, %Point{x: 3, y: 3}, p, %ArgumentError{}, %{x: 1}, [x: 1]] do
      IO.puts(Shapes.describe(v))
    end

    IO.inspect(Shapes.same_kind?(%Point{}, p))
    IO.inspect(Shapes.same_kind?(%Point{}, %Circle{}))
    IO.inspect(Shapes.same_kind?(%{}, %{}))
    IO.inspect(Shapes.fetch_x(Point, p))
    IO.inspect(Shapes.fetch_x(Circle, p))
    IO.inspect(Shapes.fetch_x(Point, %{x: 1}))

    %name{x: x} = p
    IO.inspect({name, x})
    %_{radius: r} = c
    IO.inspect(r)

    try do
      %{p | z: 1}
    rescue
      e in KeyError -> IO.puts("KeyError: " <> Exception.message(e)); IO.inspect({e.key, e.term})
    end
    try do
      m = %{x: 1}
      %{m | y: 2}
    rescue
      e in KeyError -> IO.puts("KeyError: " <> Exception.message(e))
    end
  end
end

Main.run()
