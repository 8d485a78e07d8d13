# compile error: f(x \\ 1) already generates f/0 and f/1, so the defaults of f(x \\ 2, y) (f/1) conflict with it
defmodule Foo do
  def f(x \\ 1), do: x
  def f(x \\ 2, y), do: x + y
end
IO.inspect(Foo.f())
