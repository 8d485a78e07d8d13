# syntax error: `do` block of the function is never closed with `end`
defmodule Foo do
  def bar(x) do
    x + 1
end
IO.puts(Foo.bar(1))
