# compile error: a remote (non-guard) function is called inside a guard
defmodule Foo do
  def f(x) when Enum.count(x) > 1, do: :many
  def f(_), do: :few
end
IO.inspect(Foo.f([1, 2]))
