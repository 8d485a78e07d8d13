# syntax error: keyword `do:` missing its value
defmodule Foo do
  def bar(x), do:
end
