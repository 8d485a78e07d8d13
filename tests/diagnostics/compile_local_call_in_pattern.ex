# compile error: a local function call is not allowed inside a pattern
defmodule Foo do
  def one, do: 1
  def f(one()), do: :one
end
