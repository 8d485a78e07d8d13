# Access: data[key] and the Access functions on maps, keyword lists, nil and structs.
defmodule Shape do
  defstruct [:kind, :size]
end

defmodule Main do
  def run do
    map = %{:a => 1, "b" => 2, 3 => :three}
    kw = [x: 10, y: 20, x: 30]

    IO.inspect(map[:a])
    IO.inspect(map["b"])
    IO.inspect(map[:missing])
    IO.inspect(%{1 => :int}[1.0])
    IO.inspect(kw[:x])
    IO.inspect([outer: [inner: :deep]][:outer][:inner])
    IO.inspect([outer: [inner: :deep]][:nope][:inner])
    IO.inspect(nil[:anything])

    IO.inspect(Access.fetch(map, 3))
    IO.inspect(Access.fetch(map, 4))
    IO.inspect(Access.fetch(kw, :y))
    IO.inspect(Access.fetch(nil, :y))
    IO.inspect(Access.fetch!(map, :a))
    IO.inspect(Access.get(map, :zz, :default))
    IO.inspect(Access.get(kw, :zz, :default))
    IO.inspect(Access.get(nil, :zz, :default))
    IO.inspect(Access.get_and_update(map, :a, fn v -> {v, v + 1} end))
    IO.inspect(Access.get_and_update(kw, :x, fn v -> {v, :new} end))
    IO.inspect(Access.get_and_update([], :k, fn nil -> {:got, :v} end))
    IO.inspect(Access.get_and_update(map, :a, fn _ -> :pop end))
    IO.inspect(Access.pop(map, "b"))
    IO.inspect(Access.pop(kw, :x))
    IO.inspect(Access.pop(%{}, :x))

    for f <- [
          fn -> Access.fetch!(map, :zz) end,
          fn -> Access.fetch!(nil, "foo") end,
          fn -> Access.fetch([], "foo") end,
          fn -> kw["x"] end,
          fn -> Access.get(42, :a) end,
          fn -> Access.fetch(42, :a) end,
          fn -> Access.get_and_update(nil, :foo, fn v -> {v, 1} end) end,
          fn -> Access.pop(nil, :foo) end,
          fn -> Access.pop(:atom, :foo) end,
          fn -> %Shape{kind: :circle}[:kind] end,
          fn -> Access.get_and_update(%Shape{}, :kind, fn v -> {v, 1} end) end,
          fn -> Access.pop(%Shape{}, :kind) end
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
