# compile-time WARNING only (program still runs, prints nil): module attribute @missing was never set
defmodule Foo do
  def limit, do: @missing
end
IO.inspect(Foo.limit())
