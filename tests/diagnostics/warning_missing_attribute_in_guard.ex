# compile-time WARNING only (still runs, prints :small): @max was never set, reads as nil, and `x > nil` is false for numbers
defmodule Foo do
  def f(x) when x > @max, do: :big
  def f(_), do: :small
end
IO.inspect(Foo.f(1))
