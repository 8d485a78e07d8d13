# Elixir's Atom module. `to_string/1` is a built-in (vm/src/bif/string.rs).
defmodule Atom do
  @moduledoc "Atoms are constants whose values are their own name."

  @doc "The atom's name as a charlist."
  def to_charlist(atom), do: :erlang.atom_to_list(atom)

  @doc false
  @deprecated "Use Atom.to_charlist/1 instead"
  def to_char_list(atom), do: :erlang.atom_to_list(atom)
end
