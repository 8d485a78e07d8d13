defmodule P do
  defstruct [:b]
end
defimpl Inspect, for: P do
  def inspect(p, opts), do: Inspect.Algebra.concat(["#P<", Inspect.Algebra.to_doc(p.b, opts), ">"])
end
defmodule M do
  def run do
    IO.inspect(%P{b: <<1, 5::3>>})
    IO.inspect(<<1, 5::3>>, base: :hex)
    IO.inspect([<<1::1>>, %P{b: <<>>}], limit: 1)
    IO.inspect(<<1, 2, 3, 4::4>>, limit: 2)
  end
end
M.run
