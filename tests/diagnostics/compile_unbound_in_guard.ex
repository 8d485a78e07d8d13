# compile error: guard refers to a variable `y` that is not bound in the head
defmodule Foo do
  def f(x) when x > y, do: x
end
IO.inspect(Foo.f(1))
