defmodule Tuple do
  @moduledoc """
  Elixir 1.14's Tuple. `to_list/1`, `append/2` and `duplicate/2` are
  built-ins (vm/src/bif/erlang.rs); the functions here of the same names
  serve calls by a name known only at run time. Errors are those of the
  `:erlang` functions Elixir calls (`insert_element/3`, `delete_element/2`:
  "1st argument: out of range"); a non-integer index fails in the `+ 1`
  that turns it 1-based, as in Elixir.
  """

  @doc "A tuple of `size` copies of `data`."
  def duplicate(data, size), do: Tuple.duplicate(data, size)

  @doc "`tuple` with `value` inserted at the 0-based `index`."
  def insert_at(tuple, index, value), do: :erlang.insert_element(index + 1, tuple, value)

  @doc "`tuple` with `value` added at its end."
  def append(tuple, value), do: Tuple.append(tuple, value)

  @doc "`tuple` without the element at the 0-based `index`."
  def delete_at(tuple, index), do: :erlang.delete_element(index + 1, tuple)

  @doc "The sum of the elements."
  def sum(tuple), do: sum(tuple, tuple_size(tuple))

  defp sum(_tuple, 0), do: 0
  defp sum(tuple, index), do: :erlang.element(index, tuple) + sum(tuple, index - 1)

  @doc "The product of the elements."
  def product(tuple), do: product(tuple, tuple_size(tuple))

  defp product(_tuple, 0), do: 1
  defp product(tuple, index), do: :erlang.element(index, tuple) * product(tuple, index - 1)

  @doc "The elements as a list."
  def to_list(tuple), do: Tuple.to_list(tuple)
end
