defprotocol String.Chars do
  @moduledoc """
  Conversion to a string: what `to_string/1` and string interpolation
  (`"\#{x}"`) call. Atoms, strings, integers, floats, charlists and URIs
  convert natively; a user struct converts with
  `defimpl String.Chars, for: MyStruct`.
  """

  @doc "The string for `term`."
  def to_string(term)
end
