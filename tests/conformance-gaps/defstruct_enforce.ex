defmodule Point do
  @enforce_keys [:x, :y]
  defstruct [:x, :y, z: 0]
end

defmodule User do
  defstruct name: "anon", age: nil, tags: []
end

defmodule Main do
  def run do
    IO.inspect(%Point{x: 1, y: 2})
    IO.inspect(%User{})
    IO.inspect(%User{name: "bob"})
    IO.inspect(struct(User, age: 3))
    IO.inspect(struct(User, bogus: 3))
    IO.inspect(Point.__struct__() |> Map.keys() |> Enum.sort())

    try do
      struct!(Point, x: 1)
    rescue
      e -> IO.inspect(e)
    end

    try do
      Code.eval_string("%Point{x: 1}")
    rescue
      e -> IO.puts(Exception.message(e))
    end

    try do
      struct!(User, nope: 1)
    rescue
      e -> IO.inspect(e.__struct__)
    end

    u = %User{name: "x"}
    IO.inspect(%{u | age: 40})
    try do
      Code.eval_string("%User{unknown: 1}")
    rescue
      e -> IO.puts(Exception.message(e))
    end
    IO.inspect(is_struct(u))
    IO.inspect(is_struct(u, User))
    IO.inspect(is_struct(u, Point))
    IO.inspect(Map.from_struct(u))
  end
end

Main.run()
