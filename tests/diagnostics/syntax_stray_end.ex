# syntax error: one `end` too many
defmodule Foo do
  def bar(x), do: x + 1
end
end
