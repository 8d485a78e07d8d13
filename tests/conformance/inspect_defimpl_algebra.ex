# A user `defimpl Inspect` built with Inspect.Algebra: container_doc, nested
# structs, pretty printing in a width, and the impl honoured everywhere
# (lists, maps, tuples, struct fields, IO.inspect labels, interpolation).
defmodule Point do
  defstruct [:x, :y]

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Point{x: x, y: y}, opts) do
      concat(["#Point<", to_doc(x, opts), ", ", to_doc(y, opts), ">"])
    end
  end
end

defmodule Polygon do
  defstruct name: "", points: []

  defimpl Inspect do
    import Inspect.Algebra

    def inspect(%Polygon{name: name, points: points}, opts) do
      open = concat(["#Polygon<", name, " ["])
      container_doc(open, points, "]>", opts, &to_doc/2, separator: ",", break: :strict)
    end
  end
end

defmodule Box do
  defstruct [:content, :tag]
end

defmodule Main do
  def run do
    p = %Point{x: 1, y: 2}
    IO.puts(inspect(p))
    IO.puts(inspect([p, %Point{x: -3, y: 4.5}]))
    IO.puts(inspect(%{origin: p, list: [p]}))
    IO.puts(inspect({:ok, p}))
    IO.puts(inspect(%Box{content: p, tag: :t}))
    IO.inspect(p, label: "point")
    IO.inspect([p], label: :points)
    IO.puts("interpolated: #{inspect(p)}")

    poly = %Polygon{name: "tri", points: Enum.map(1..3, &%Point{x: &1, y: &1 * 10})}
    IO.puts(inspect(poly))
    IO.puts(inspect(poly, pretty: true, width: 30))
    IO.puts(inspect(poly, limit: 2))
    IO.inspect(%Box{content: poly, tag: Enum.to_list(1..12)}, width: 40)

    big = %Polygon{name: "big", points: Enum.map(1..12, &%Point{x: &1, y: &1})}
    IO.inspect(big)
    IO.inspect(%{shape: big, ids: Enum.to_list(1..30)})
    IO.puts(inspect(p, structs: false))
    IO.puts(inspect([a: p, b: {p}]))
  end
end

Main.run()
