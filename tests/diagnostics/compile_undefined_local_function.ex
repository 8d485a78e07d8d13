# compile error: call to a local function `helper/1` that does not exist in the module
defmodule Foo do
  def run(x), do: helper(x)
end
IO.puts(Foo.run(1))
