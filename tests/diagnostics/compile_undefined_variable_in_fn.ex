# compile error: variable `total` is used inside a function body but never defined there
defmodule Foo do
  def add(x), do: x + total
end
IO.puts(Foo.add(1))
