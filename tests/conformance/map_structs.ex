# Structs as maps: struct/2, struct!/2, update syntax, %module{} patterns.
defmodule User do
  defstruct name: "john", age: 27
end

defmodule Main do
  def name_of(%module{}), do: module
  def name_of(_), do: :not_a_struct

  def run do
    IO.inspect(struct(User))
    IO.inspect(struct(User, name: "meg"))
    IO.inspect(struct(User, %{age: 30}))
    IO.inspect(struct(User, unknown: 1, __struct__: Other))
    IO.inspect(struct(%User{}, name: "ann"))
    IO.inspect(struct!(User, age: 1))
    IO.inspect(struct!(%User{}, %{name: "bo"}))
    user = %User{}
    IO.inspect(%User{user | age: 99})
    IO.inspect(%{user | name: "x"})
    IO.inspect(Map.put(user, :age, 1))
    IO.inspect(Map.from_struct(user))
    IO.inspect(name_of(user))
    IO.inspect(name_of(%{__struct__: "not an atom"}))
    IO.inspect(name_of(%{}))
    IO.inspect(is_struct(user), label: "is_struct/1")
    IO.inspect(is_struct(user, User), label: "is_struct/2")
    IO.inspect(is_struct(%{}, User))
    %module{name: name} = user
    IO.inspect({module, name})
    pinned = User
    IO.inspect(match?(%^pinned{}, user))
    IO.inspect(match?(%_{}, %{__struct__: "x"}))
    IO.inspect(match?(%_{}, %{__struct__: :x}))

    for f <- [
          fn -> struct!(User, unknown: 1) end,
          fn -> struct!(user, unknown: 1) end,
          fn -> %User{Map.new() | name: "x"} end,
          fn -> %User{%{__struct__: Other} | name: "x"} end,
          fn -> %{user | unknown: 1} end,
          fn -> user.unknown end,
          fn -> struct(NotAStruct, []) end
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
