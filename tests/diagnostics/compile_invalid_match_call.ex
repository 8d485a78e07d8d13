# compile error: a function call is not allowed on the left side of `=` (invalid pattern)
defmodule Foo do
  def f(x), do: x
end
Foo.f(x) = 3
