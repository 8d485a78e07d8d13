# compile error: default values declared in two clauses of the same function (needs a bodiless header)
defmodule Foo do
  def f(x \\ 1) when x > 0, do: x
  def f(x \\ 2), do: -x
end
IO.inspect(Foo.f())
