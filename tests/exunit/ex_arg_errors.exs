# ArgumentError and friends from BIFs, with their explanations.
ExUnit.start(seed: 0)

defmodule Conv do
  def to_int(s), do: String.to_integer(s)
  def to_atom(s), do: String.to_existing_atom(s)
  def elem_of(t), do: elem(t, 5)
  def concat(a, b), do: a <> b
  def list_to(x), do: List.to_string(x)
  def div0(x), do: div(x, 0)
  def rem_float(x), do: rem(x, 2)
  def key(m), do: m.name
  def atom_len(a), do: String.length(a)
end

defmodule ArgErrorsTest do
  use ExUnit.Case

  test "to_integer", do: assert(Conv.to_int("abc") == 0)
  test "existing atom", do: assert(Conv.to_atom("surely_not_an_existing_atom_xyz") == :x)
  test "elem", do: assert(Conv.elem_of({1, 2}) == 1)
  test "div by zero", do: assert(Conv.div0(5) == 0)
  test "rem of float", do: assert(Conv.rem_float(2.5) == 0)
  test "missing map key", do: assert(Conv.key(%{nam: 1}) == 1)
  test "key of a non-map", do: assert(Conv.key([]) == 1)
end
