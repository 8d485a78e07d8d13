# syntax error: the defmodule `do` has no matching `end`
defmodule Foo do
  def bar(x), do: x + 1

IO.puts(Foo.bar(1))
