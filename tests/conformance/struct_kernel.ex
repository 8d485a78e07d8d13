defmodule Pt do
  defstruct [:y, :x, label: "pt"]
end

defmodule Req do
  @enforce_keys [:id]
  defstruct [:id, tags: []]
end

defmodule Oops do
  defexception [:code, message: "oops"]
end

defmodule Main do
  def run do
    p = %Pt{x: 1, y: 2}
    IO.inspect(p)
    IO.inspect([p, %{inner: p}, {p}])
    IO.puts(inspect(p))
    IO.inspect(struct(Pt, x: 5, nope: 1))
    IO.inspect(struct(Pt, %{y: 9}))
    IO.inspect(struct(p, label: "moved"))
    IO.inspect(struct!(Pt, x: 0))
    IO.inspect(struct!(Req, id: 7))

    try do
      struct!(Req, tags: [:a])
    rescue
      e in ArgumentError -> IO.puts(Exception.message(e))
    end

    try do
      struct!(p, nope: 1)
    rescue
      e in KeyError -> IO.inspect(e.key)
    end

    IO.inspect(%Oops{code: 3})
    IO.inspect(Oops.exception(code: 4))
    IO.inspect(%{__struct__: NotAModule, a: 1})
    IO.inspect(Map.from_struct(p))
    IO.inspect(Pt.__struct__() |> Map.keys())
    IO.inspect(is_struct(p, Pt))
    IO.inspect(p.__struct__)
  end
end

Main.run()
