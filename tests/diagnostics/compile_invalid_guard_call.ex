# compile error: a local (non-guard) function cannot be called in a guard
defmodule Foo do
  def big?(x), do: x > 10
  def f(x) when big?(x), do: :big
  def f(_), do: :small
end
IO.inspect(Foo.f(1))
