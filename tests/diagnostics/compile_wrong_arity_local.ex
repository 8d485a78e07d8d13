# compile error: local function `add/2` exists but is called with one argument
defmodule Foo do
  def add(a, b), do: a + b
  def run, do: add(1)
end
IO.puts(Foo.run())
