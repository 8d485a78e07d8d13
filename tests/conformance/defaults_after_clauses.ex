# A function with defaults defined after clauses of a lower arity: the
# default's clause joins the existing function after its own clauses.
defmodule Vlq do
  def encode(0), do: <<0>>
  def encode(n, acc \\ <<>>)
  def encode(0, acc), do: acc
  def encode(n, acc), do: encode(div(n, 128), <<rem(n, 128)>> <> acc)
end

defmodule Shapes do
  def area(:unit), do: 1
  def area(:none), do: 0
  def area(w, h \\ 1, scale \\ 1), do: w * h * scale

  defp label(:x), do: "x"
  defp label(v, prefix \\ "v:"), do: prefix <> inspect(v)
  def labels, do: Enum.map([:x, :y, 3], &label/1) ++ [label(:z, "z=")]
end

defmodule Both do
  def f(0), do: :zero
  def f(x \\ 1, y \\ 1), do: {x, y}
end

IO.inspect(Vlq.encode(0))
IO.inspect(Vlq.encode(300))
IO.inspect(Vlq.encode(5, "!"))
IO.inspect(Shapes.area(:unit))
IO.inspect(Shapes.area(:none))
IO.inspect(Shapes.area(3))
IO.inspect(Shapes.area(3, 4))
IO.inspect(Shapes.area(3, 4, 2))
IO.inspect(Shapes.labels())
IO.inspect(Both.f())
IO.inspect(Both.f(0))
IO.inspect(Both.f(7))
IO.inspect(Both.f(7, 8))
IO.inspect(Vlq.__info__(:functions))
IO.inspect(Shapes.__info__(:functions))
IO.inspect(Both.__info__(:functions))

try do
  Code.eval_string("""
  defmodule Clash do
    def f(x, y \\\\ 1), do: {x, y}
    def f(0), do: 0
  end
  """)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Code.eval_string("""
  defmodule Clash2 do
    def hello(a, b \\\\ nil), do: {a, b}
    def hello(a, b \\\\ nil, c \\\\ nil), do: {a, b, c}
  end
  """)
rescue
  e -> IO.puts(Exception.message(e))
end
