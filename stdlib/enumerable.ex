defprotocol Enumerable do
  @moduledoc """
  The protocol `Enum` and `for` work through: `reduce/3` drives a traversal
  that the reducing function may continue (`{:cont, acc}`), stop
  (`{:halt, acc}`) or suspend (`{:suspend, acc}`); `count/1`, `member?/2` and
  `slice/1` answer `{:ok, ...}` when the type can do so quickly, else
  `{:error, module}` and `Enum` falls back to `reduce/3`.

  Lists, maps, functions (streams) and ranges implement it here; a user
  struct implements it with `defimpl Enumerable, for: MyStruct`.
  """

  @doc "Reduces `enumerable` into an element, driven by the accumulator's command."
  def reduce(enumerable, acc, fun)

  @doc "The number of elements: `{:ok, count}`, or `{:error, module}` to count by reducing."
  def count(enumerable)

  @doc "Whether `element` is in `enumerable`: `{:ok, boolean}`, or `{:error, module}`."
  def member?(enumerable, element)

  @doc "A way to take slices: `{:ok, size, slicing_fun}`, or `{:error, module}`."
  def slice(enumerable)
end
