defmodule MapSet do
  @moduledoc """
  Elixir 1.14's MapSet: a set of any terms, held as the keys of a map
  (`%MapSet{map: %{value => []}, version: 2}`). Values are compared by
  `===` as map keys are (`1` and `1.0` are two members). A set made by an
  older Elixir (`%{__struct__: MapSet, map: %{value => true}}`, no version)
  works too: only the keys count. Every function takes sets only and fails
  in its own function clause otherwise.
  """

  defstruct map: %{}, version: 2

  @doc "An empty set."
  def new, do: %MapSet{}

  @doc "The set of the elements of `enumerable`."
  def new(%MapSet{} = map_set), do: map_set
  def new(enumerable), do: %MapSet{map: Map.from_keys(Enum.to_list(enumerable), [])}

  @doc "The set of `transform` of each element of `enumerable`."
  def new(enumerable, transform) when is_function(transform, 1) do
    %MapSet{map: Map.from_keys(Enum.map(enumerable, transform), [])}
  end

  @doc "`map_set` with `value` in it."
  def put(%MapSet{map: map} = map_set, value), do: %{map_set | map: Map.put(map, value, [])}

  @doc "`map_set` without `value`."
  def delete(%MapSet{map: map} = map_set, value), do: %{map_set | map: Map.delete(map, value)}

  @doc "Whether `value` is in `map_set`."
  def member?(%MapSet{map: map}, value), do: is_map_key(map, value)

  @doc "The number of elements."
  def size(%MapSet{map: map}), do: map_size(map)

  @doc "The elements, in the map's order."
  def to_list(%MapSet{map: map}), do: Map.keys(map)

  @doc "The elements of both sets."
  def union(%MapSet{map: map1} = map_set1, %MapSet{map: map2}) do
    %{map_set1 | map: Map.merge(map1, map2)}
  end

  @doc "The elements in both sets."
  def intersection(%MapSet{map: map1}, %MapSet{map: map2}) do
    {small, large} = if map_size(map1) <= map_size(map2), do: {map1, map2}, else: {map2, map1}
    %MapSet{map: Map.from_keys(keys_in(Map.keys(small), large), [])}
  end

  @doc "The elements of `map_set1` that are not in `map_set2`."
  def difference(%MapSet{map: map1} = map_set1, %MapSet{map: map2}) do
    # Drop the second set's keys when it is the smaller, else keep the
    # first set's keys that the second lacks: each walk is over the smaller.
    map =
      if map_size(map2) < map_size(map1) do
        Map.drop(map1, Map.keys(map2))
      else
        Map.from_keys(keys_not_in(Map.keys(map1), map2), [])
      end

    %{map_set1 | map: map}
  end

  @doc "The elements in exactly one of the sets."
  def symmetric_difference(%MapSet{map: map1} = map_set1, %MapSet{map: map2}) do
    only1 = keys_not_in(Map.keys(map1), map2)
    only2 = keys_not_in(Map.keys(map2), map1)
    %{map_set1 | map: Map.from_keys(only1 ++ only2, [])}
  end

  @doc "Whether the sets have no element in common."
  def disjoint?(%MapSet{map: map1}, %MapSet{map: map2}) do
    {small, large} = if map_size(map1) <= map_size(map2), do: {map1, map2}, else: {map2, map1}
    none_in?(Map.keys(small), large)
  end

  @doc "Whether every element of `map_set1` is in `map_set2`."
  def subset?(%MapSet{map: map1}, %MapSet{map: map2}) do
    map_size(map1) <= map_size(map2) and all_in?(Map.keys(map1), map2)
  end

  @doc "Whether the sets have the same elements."
  def equal?(%MapSet{map: map1}, %MapSet{map: map2}) do
    map_size(map1) == map_size(map2) and all_in?(Map.keys(map1), map2)
  end

  @doc "The elements for which `fun` is truthy."
  def filter(%MapSet{map: map} = map_set, fun) when is_function(fun, 1) do
    %{map_set | map: Map.from_keys(for(value <- Map.keys(map), fun.(value), do: value), [])}
  end

  @doc "The elements for which `fun` is falsy."
  def reject(%MapSet{map: map} = map_set, fun) when is_function(fun, 1) do
    %{map_set | map: Map.from_keys(for(value <- Map.keys(map), !fun.(value), do: value), [])}
  end

  defp keys_in(keys, map), do: for(key <- keys, is_map_key(map, key), do: key)
  defp keys_not_in(keys, map), do: for(key <- keys, not is_map_key(map, key), do: key)

  defp all_in?([key | rest], map), do: is_map_key(map, key) and all_in?(rest, map)
  defp all_in?([], _map), do: true

  defp none_in?([key | rest], map), do: not is_map_key(map, key) and none_in?(rest, map)
  defp none_in?([], _map), do: true
end
