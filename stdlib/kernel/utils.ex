defmodule Kernel.Utils do
  @doc false
  # `destructure/2`'s right side: `count` elements, padded with nil.
  def destructure(list, count) when is_list(list), do: destructure_list(list, count)
  def destructure(nil, count), do: destructure_list([], count)

  defp destructure_list(_, 0), do: []
  defp destructure_list([], count), do: [nil | destructure_list([], count - 1)]
  defp destructure_list([h | t], count), do: [h | destructure_list(t, count - 1)]

  @doc false
  # `is_struct/2` and `is_exception/2` outside guards.
  def is_struct(%{__struct__: s}, name) when is_atom(name), do: s === name
  def is_struct(_, name) when is_atom(name), do: false

  def is_exception(%{__struct__: s, __exception__: true}, name) when is_atom(name), do: s === name
  def is_exception(_, name) when is_atom(name), do: false
end
