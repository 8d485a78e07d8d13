# Module.get_definition/2,3 and delete_definition/2 in an open module; their errors on a compiled one.
for f <- [fn -> Module.get_definition(Enum, {:map, 2}) end, fn -> Module.delete_definition(Enum, {:map, 2}) end, fn -> Module.get_definition(Enum, {:map, 2}, skip_clauses: true) end], do: IO.inspect(try do f.() rescue e -> e end)
defmodule M do
  def foo(a, _b) when a > 0, do: a
  def foo(a, _), do: a
  defp bar, do: 1
  def baz(x), do: x
  {:v1, kind, meta, clauses} = Module.get_definition(__MODULE__, {:foo, 2})
  IO.inspect {kind, meta[:line], length(clauses), Enum.map(clauses, fn {m, args, guards, _} -> {m[:line], length(args), length(guards)} end)}
  IO.inspect Module.get_definition(__MODULE__, {:bar, 0}, skip_clauses: true)
  {:v1, :def, _, [{_, [{:x, _, nil}], [], {:x, _, nil}}]} = Module.get_definition(__MODULE__, {:baz, 1})
  IO.inspect Module.get_definition(__MODULE__, {:nope, 0})
  IO.inspect Module.delete_definition(__MODULE__, {:bar, 0})
  IO.inspect Module.delete_definition(__MODULE__, {:bar, 0})
  IO.inspect Module.defines?(__MODULE__, {:bar, 0})
  IO.inspect Module.delete_definition(__MODULE__, {:baz, 1})
end
IO.inspect {function_exported?(M, :foo, 2), function_exported?(M, :baz, 1)}
