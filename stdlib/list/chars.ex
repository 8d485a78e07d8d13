defprotocol List.Chars do
  @moduledoc """
  Conversion to a charlist: what `to_charlist/1` calls. Atoms, strings,
  lists, integers and floats convert natively; a user struct converts with
  `defimpl List.Chars, for: MyStruct`.
  """

  @doc "The charlist for `term`."
  def to_charlist(term)

  @doc false
  @deprecated "Use List.Chars.to_charlist/1 instead"
  Kernel.def(to_char_list(term), do: __MODULE__.to_charlist(term))
end
