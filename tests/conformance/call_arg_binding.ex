defmodule T do
  def id(a), do: a
  def two(a, b), do: {a, b}
  def deep(a), do: (fn -> [a, a, a, a, a, a] end).()
end
IO.inspect(T.deep(T.id(y = 5)))
IO.inspect(y)
f = fn a -> T.deep(a) end
IO.inspect(f.(w = 7))
IO.inspect(w)
