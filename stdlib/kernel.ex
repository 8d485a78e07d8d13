defmodule Kernel do
  @doc """
  Whether `left` matches `right`: a regular expression, or a string that
  `left` contains.
  """
  def left =~ "" when is_binary(left), do: true

  def left =~ right when is_binary(left) and is_binary(right) do
    String.contains?(left, right)
  end

  def left =~ right when is_binary(left), do: Regex.match?(right, left)

  @doc """
  Prints `code` and its value (each step of a pipeline), with where it is,
  and returns the value; `dbg()` prints the variables bound.
  """
  defmacro dbg(code \\ quote(do: binding()), options \\ []) do
    Macro.dbg(code, options, __CALLER__)
  end

  @doc "The local node's name (beamlet runs one node)."
  def node(), do: :nonode@nohost
  def node(_arg), do: :nonode@nohost

  def then(value, fun), do: fun.(value)
  def tap(value, fun) do
    fun.(value)
    value
  end
end
