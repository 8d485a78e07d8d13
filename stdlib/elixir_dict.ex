defmodule Dict do
  @moduledoc """
  Elixir 1.14's deprecated `Dict`: each function calls the module of its
  dictionary (a struct's own module, `Map` for a map, `Keyword` for a list);
  anything else raises ArgumentError "unsupported dict: ...". `merge/2,3`
  and `equal?/2` across two kinds of dictionary go through `Enumerable`.
  Every function is deprecated in Elixir ("Use the Map module for working
  with maps or the Keyword module for working with keyword lists").
  """

  @message "Use the Map module for working with maps or the Keyword module for working with keyword lists"

  defp target(%module{}) when is_atom(module), do: module
  defp target(%{}), do: Map
  defp target(list) when is_list(list), do: Keyword
  defp target(other), do: raise(ArgumentError, "unsupported dict: #{inspect(other)}")

  @deprecated @message
  def keys(dict), do: target(dict).keys(dict)
  @deprecated @message
  def values(dict), do: target(dict).values(dict)
  @deprecated @message
  def size(dict), do: target(dict).size(dict)
  @deprecated @message
  def has_key?(dict, key), do: target(dict).has_key?(dict, key)
  @deprecated @message
  def get(dict, key, default \\ nil), do: target(dict).get(dict, key, default)
  @deprecated @message
  def get_lazy(dict, key, fun), do: target(dict).get_lazy(dict, key, fun)
  @deprecated @message
  def get_and_update(dict, key, fun), do: target(dict).get_and_update(dict, key, fun)
  @deprecated @message
  def fetch(dict, key), do: target(dict).fetch(dict, key)
  @deprecated @message
  def fetch!(dict, key), do: target(dict).fetch!(dict, key)
  @deprecated @message
  def put(dict, key, value), do: target(dict).put(dict, key, value)
  @deprecated @message
  def put_new(dict, key, value), do: target(dict).put_new(dict, key, value)
  @deprecated @message
  def put_new_lazy(dict, key, fun), do: target(dict).put_new_lazy(dict, key, fun)
  @deprecated @message
  def delete(dict, key), do: target(dict).delete(dict, key)
  @deprecated @message
  def pop(dict, key, default \\ nil), do: target(dict).pop(dict, key, default)
  @deprecated @message
  def pop_lazy(dict, key, fun), do: target(dict).pop_lazy(dict, key, fun)
  @deprecated @message
  def update!(dict, key, fun), do: target(dict).update!(dict, key, fun)
  @deprecated @message
  def update(dict, key, default, fun), do: target(dict).update(dict, key, default, fun)
  @deprecated @message
  def split(dict, keys), do: target(dict).split(dict, keys)
  @deprecated @message
  def take(dict, keys), do: target(dict).take(dict, keys)
  @deprecated @message
  def drop(dict, keys), do: target(dict).drop(dict, keys)
  @deprecated @message
  def empty(dict), do: target(dict).empty(dict)
  @deprecated @message
  def to_list(dict), do: target(dict).to_list(dict)

  @deprecated @message
  def merge(dict1, dict2) do
    target1 = target(dict1)
    target2 = target(dict2)

    if target1 == target2,
      do: target1.merge(dict1, dict2),
      else: do_merge(target1, dict1, dict2, fn _k, _v1, v2 -> v2 end)
  end

  @deprecated @message
  def merge(dict1, dict2, fun) do
    target1 = target(dict1)
    target2 = target(dict2)

    if target1 == target2,
      do: target1.merge(dict1, dict2, fun),
      else: do_merge(target1, dict1, dict2, fun)
  end

  @deprecated @message
  def equal?(dict1, dict2) do
    target1 = target(dict1)
    target2 = target(dict2)

    cond do
      target1 == target2 ->
        target1.equal?(dict1, dict2)

      target1.size(dict1) == target2.size(dict2) ->
        Enumerable.reduce(dict2, {:cont, true}, fn {k, v}, _acc ->
          case target1.fetch(dict1, k) do
            {:ok, ^v} -> {:cont, true}
            _ -> {:halt, false}
          end
        end)
        |> elem(1)

      true ->
        false
    end
  end

  defp do_merge(target1, dict1, dict2, fun) do
    Enumerable.reduce(dict2, {:cont, dict1}, fn {k, v}, acc ->
      {:cont, target1.update(acc, k, v, fn other -> fun.(k, other, v) end)}
    end)
    |> elem(1)
  end
end
