defmodule Kind do
  def of(x) when is_integer(x), do: "integer"
  def of(x) when is_float(x), do: "float"
  def of(x) when is_boolean(x), do: "boolean"
  def of(x) when is_nil(x), do: "nil"
  def of(x) when is_atom(x), do: "atom"
  def of(x) when is_binary(x), do: "binary"
  def of(x) when is_list(x), do: "list"
  def of(x) when is_map(x), do: "map"
  def of(x) when is_tuple(x), do: "tuple"
  def of(x) when is_function(x), do: "function"
  def of(_), do: "other"

  def num?(x) when is_number(x), do: true
  def num?(_), do: false

  def arity1?(f) when is_function(f, 1), do: true
  def arity1?(_), do: false
end

values = [1, 2.5, true, false, nil, :ok, "str", [1], [], 'cl', %{}, {1, 2}, {}, fn -> 1 end, -7]
Enum.each(values, fn v -> IO.puts(Kind.of(v)) end)
IO.inspect(Enum.map([1, 1.0, :a, "1"], &Kind.num?/1))
IO.inspect(Kind.arity1?(fn x -> x end))
IO.inspect(Kind.arity1?(fn x, y -> x + y end))
IO.inspect(Kind.arity1?(&Kind.of/1))
IO.inspect(Kind.arity1?(:nope))
