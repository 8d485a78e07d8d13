# @derive Inspect with :only, :except and :optional; what deriving rejects.
defmodule User do
  @derive {Inspect, only: [:name, :age]}
  defstruct [:name, :age, :password, :token]
end

defmodule Secret do
  @derive {Inspect, except: [:key]}
  defstruct [:id, :key, :note]
end

defmodule AllShown do
  @derive {Inspect, only: [:a, :b]}
  defstruct [:a, :b]
end

defmodule Plain do
  @derive Inspect
  defstruct [:a, :b]
end

defmodule Opt do
  @derive {Inspect, optional: [:b, :c]}
  defstruct [:c, :d, :a, b: 0]
end

defmodule Nothing do
  @derive {Inspect, only: []}
  defstruct [:a]
end

defmodule Main do
  def run do
    u = %User{name: "ann", age: 30, password: "hunter2", token: "abc"}
    IO.puts(inspect(u))
    IO.puts(inspect(u, pretty: true, width: 10))
    IO.inspect([u, u], label: "users")
    IO.puts(inspect(%Secret{id: 1, key: "k", note: [1, 2, 3]}))
    IO.puts(inspect(%AllShown{a: 1, b: 2}))
    IO.puts(inspect(%Plain{a: 1, b: %Plain{}}))
    IO.puts(inspect(%Opt{a: 1, b: 2, c: 3, d: 4}))
    IO.puts(inspect(%Opt{}))
    IO.puts(inspect(%Nothing{a: 1}))
    IO.puts(inspect(u, structs: false))
    IO.puts(inspect(%{user: u}, limit: 1))

    try do
      defmodule Bad do
        @derive {Inspect, only: [:nope]}
        defstruct [:a]
      end
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end

    try do
      defmodule Bad2 do
        @derive {Inspect, except: [:x, :y]}
        defstruct [:a]
      end
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
