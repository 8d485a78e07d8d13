IO.puts("before the module")

defmodule SuperUndefined do
  def g(x), do: x
  defoverridable g: 1
  def f(x), do: super(x)
end

IO.puts("never printed")
