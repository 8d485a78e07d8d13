defmodule Shapes do
  def area({:square, s}), do: s * s
  def area(other), do: raise(ArgumentError, "not a shape: #{inspect(other)}")

  def check(shape) do
    a = area(shape)
    {:ok, a}
  end
end

try do
  Shapes.check(:triangle)
rescue
  e in ArgumentError ->
    [top | _] = __STACKTRACE__
    IO.inspect(top)
    IO.puts(Exception.message(e))
end

f = fn x -> x + 1 end
try do
  f.(:y)
rescue
  _ ->
    {_, name, arity, loc} = hd(__STACKTRACE__)
    IO.inspect({is_atom(name), arity, Keyword.get(loc, :file), Keyword.get(loc, :line)})
end

try do
  throw(:ball)
catch
  :ball ->
    IO.inspect(length(__STACKTRACE__) >= 0)
end
