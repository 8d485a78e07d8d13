defmodule User do
  @enforce_keys [:name]
  defstruct [:name, age: 0, tags: []]
end

defmodule Main do
  def run do
    u = %User{name: "ann"}
    IO.inspect(u)
    IO.inspect(%User{u | age: 3})
    IO.inspect(%{u | tags: [:x]})
    try do
      Map.fetch!(u, :nope)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      Code.eval_string("%User{name: 1, nope: 1}")
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      Code.eval_string("%NoSuchStruct{}")
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      Code.eval_string("%User{}")
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    try do
      struct!(User, age: 1)
    rescue
      e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
    end
    IO.inspect(struct(User, name: "x", bogus: 1))
    IO.inspect(is_struct(u), label: "is_struct")
    IO.inspect(is_struct(u, User))
    IO.inspect(is_struct(%{}, User))
    IO.inspect(User.__struct__())
    IO.inspect(User.__struct__(name: "z"))
    IO.inspect(Map.keys(u))
    IO.inspect(Map.from_struct(u))
    %User{name: n} = u
    IO.inspect(n)
    m = User
    %^m{age: a} = u
    IO.inspect(a)
    %mod{} = u
    IO.inspect(mod)
    IO.inspect(match?(%User{}, %{__struct__: User, name: 1, age: 2, tags: 3}))
    IO.inspect(Map.put(u, :age, 9))
    IO.inspect(Map.merge(u, %{age: 10}))
    IO.inspect(u == %User{name: "ann"})
    IO.inspect(Enum.sort([%User{name: "b"}, %User{name: "a"}]))
    IO.inspect(u, structs: false)
    IO.inspect(%{__struct__: NotAModule, a: 1})
  end
end

Main.run()
