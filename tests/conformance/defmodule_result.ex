# What `defmodule` and the definitions in its body return.
r = defmodule DrA do
  def a, do: 1
end
IO.inspect(elem(r, 0))
IO.inspect(is_binary(elem(r, 2)))
IO.inspect(elem(r, 3), label: "def")

r = defmodule DrB do
  @x 1
  def b, do: @x
  :last
end
IO.inspect(elem(r, 3), label: "last expression")
IO.inspect(elem(defmodule(DrC, do: nil), 3), label: "nil body")
IO.inspect(elem(defmodule DrD do end, 3), label: "empty body")

r = defmodule DrE do
  defmacro m, do: 1
end
IO.inspect(elem(r, 3), label: "defmacro")

r = defmodule DrF do
  defstruct [:a]
end
IO.inspect(elem(r, 3), label: "defstruct")

r = defmodule DrG do
  def f(a, b \\ 1), do: a + b
end
IO.inspect(elem(r, 3), label: "defaults")

r = defmodule DrH do
  defp g, do: 1
  def h, do: g()
end
IO.inspect(elem(r, 3), label: "defp then def")

r = defmodule DrI do
  defguard is_x(a) when a == 1
end
IO.inspect(elem(r, 3), label: "defguard")

r = defmodule DrJ do
  defdelegate m(a), to: Enum, as: :max
end
IO.inspect(elem(r, 3), label: "defdelegate")

r = defmodule DrK do
  defdelegate [sum(a), count(a)], to: Enum
end
IO.inspect(elem(r, 3), label: "defdelegate list")

r = defmodule DrL do
  x = def(one, do: 1)
  y = def(two, do: 2)
  {x, y}
end
IO.inspect(elem(r, 3), label: "values in the body")
IO.inspect({DrG.f(1), DrH.h(), DrJ.m([3, 1]), DrK.sum([1, 2])})
