# syntax error: keyword list argument is not the last argument
defmodule Foo do
  def f(a, b), do: {a, b}
end
IO.inspect(Foo.f(a: 1, 2))
