# Map: building maps and reading them whole.
defmodule Point do
  defstruct x: 0, y: 0
end

defmodule Main do
  def run do
    IO.inspect(Map.new())
    IO.inspect(Map.new([{:b, 2}, {:a, 1}, {:b, 3}]))
    IO.inspect(Map.new(%{z: 26}))
    IO.inspect(Map.new(1..4, fn i -> {i, i * i} end))
    IO.inspect(Map.new(%{a: 1, b: 2}, fn {k, v} -> {v, k} end))
    IO.inspect(Map.new([a: 1], fn {k, v} -> {Atom.to_string(k), v + 1} end))
    IO.inspect(Map.from_keys([:x, :y, :z], 0))
    IO.inspect(Map.from_keys([], :unused))
    IO.inspect(Map.from_struct(%Point{x: 3}))
    IO.inspect(Map.from_struct(Point))
    IO.inspect(Map.to_list(%{c: 3, a: 1, b: 2}))
    IO.inspect(Map.to_list(%{1 => :one, "two" => 2, :three => 3.0}))
    IO.inspect(Map.keys(%{"b" => 1, "a" => 2}))
    IO.inspect(Map.values(%{"b" => 1, "a" => 2}))
    IO.inspect(Map.keys(%Point{}))
    IO.inspect(Map.to_list(%{}))

    big = Map.new(1..40, fn i -> {i, i * 10} end)
    IO.inspect(map_size(big))
    IO.inspect(Map.get(big, 33))
    IO.inspect(big |> Map.keys() |> Enum.sort() |> Enum.take(5))
    IO.inspect(big |> Map.values() |> Enum.sum())

    IO.inspect(Map.new([{1, :int}, {1.0, :float}]))
    IO.inspect(Map.new([{[1], :list}, {{1}, :tuple}, {%{}, :map}]))
    IO.inspect(Map.equal?(%{a: 1}, %{a: 1}))
    IO.inspect(Map.equal?(%{a: 1}, %{a: 1.0}))
    IO.inspect(%{a: 1} == %{a: 1.0})

    for f <- [
          fn -> Map.new(5) end,
          fn -> Map.new([1, 2]) end,
          fn -> Map.new(%{a: 1}, :not_a_fun) end,
          fn -> Map.from_keys(:nope, 1) end,
          fn -> Map.from_struct(%{a: 1}) end,
          fn -> Map.to_list([a: 1]) end,
          fn -> Map.equal?(%{}, [1]) end
        ] do
      try do
        IO.inspect(f.())
      rescue
        e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end
  end
end

Main.run()
