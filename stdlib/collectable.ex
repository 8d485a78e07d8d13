defprotocol Collectable do
  @moduledoc """
  The protocol `Enum.into/2` and `for ... into:` collect through: `into/1`
  returns an initial accumulator and a function called with
  `{:cont, element}` for each element, then `:done` (its answer is the
  result) or, when the traversal fails, `:halt`.
  """

  @doc "The initial accumulator and the collecting function."
  def into(collectable)
end
