# captures: &f(&1) is &f/1, &mod.fun/n with a run-time module, +1 in patterns
defmodule Caps do
  def double(x), do: x * 2
  def pair(a, b), do: {a, b}

  def local_same?, do: (&double(&1)) == (&double/1)
  def local_pair?, do: (&pair(&1, &2)) == (&pair/2)
  def swapped, do: (&pair(&2, &1)).(1, 2)
end

IO.inspect((&is_atom(&1)) == (&is_atom/1))
IO.inspect((&Enum.map(&1, &2)) == (&Enum.map/2))
IO.inspect(&is_atom(&1))
IO.inspect(Caps.local_same?())
IO.inspect(Caps.local_pair?())
IO.inspect(Caps.swapped())
mod = List
IO.inspect((&mod.flatten/1).([1, [2], 3]))
IO.inspect(&mod.flatten/1)
IO.inspect((fn +1 -> :one; -1 -> :minus_one; _ -> :other end).(1))
IO.inspect((fn +1 -> :one; -1 -> :minus_one; _ -> :other end).(-1))
IO.inspect(Atom.to_charlist(:hello))
IO.inspect(fn () when node() == :nonode@nohost -> true end.())
IO.inspect(node())
IO.inspect(Kernel.to_string(12))
defmodule Shadow do
  def to_string(_), do: "local"
  def kernel(x), do: Kernel.to_string(x)
end
IO.inspect(Shadow.kernel(:x))
IO.inspect(:erlang.list_to_binary([200, 65, "bc", [1]]))
IO.inspect(:erlang.binary_to_list(<<65, 195, 169>>))
