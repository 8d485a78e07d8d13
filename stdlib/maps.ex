# Erlang/OTP 25's `:maps` module, written in the language over the map
# built-ins (vm/src/bif/map.rs: `Map.get/put/fetch/delete/keys/values/
# merge/to_list/from_list/take`).
#
# Errors are the ones Elixir shows for OTP's: a map argument that is not a
# map is a BadMapError, a missing key a KeyError, a function of the wrong
# arity an ArgumentError with the BEAM's "errors were found at the given
# arguments" text.
#
# Iterators are OTP's: `iterator/1` gives `[0 | map]`, and `next/1` the
# chain `{key, value, next}` that ends in `:none`, in the map's order.
defmodule :maps do
  @moduledoc false

  ## The basic operations

  @doc "An empty map."
  def new, do: %{}

  @doc "The number of entries of `map`."
  def size(map) when is_map(map), do: map_size(map)
  def size(other), do: bad_map(other)

  @doc "`map` with `key` bound to `value`."
  def put(key, value, map) when is_map(map), do: Map.put(map, key, value)
  def put(_key, _value, other), do: bad_map(other)

  @doc "The value of `key` in `map`; a KeyError if there is none."
  def get(key, map) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> value
      :error -> raise KeyError, key: key, term: map
    end
  end

  def get(_key, other), do: bad_map(other)

  @doc "The value of `key` in `map`, or `default`."
  def get(key, map, default) when is_map(map), do: Map.get(map, key, default)
  def get(_key, other, _default), do: bad_map(other)

  @doc "`{:ok, value}` for `key` in `map`, or `:error`."
  def find(key, map) when is_map(map), do: Map.fetch(map, key)
  def find(_key, other), do: bad_map(other)

  @doc "Whether `map` has `key`."
  def is_key(key, map) when is_map(map), do: Map.has_key?(map, key)
  def is_key(_key, other), do: bad_map(other)

  @doc "`map` without `key`."
  def remove(key, map) when is_map(map), do: Map.delete(map, key)
  def remove(_key, other), do: bad_map(other)

  @doc "`{value, map_without_key}`, or `:error` when `key` is missing."
  def take(key, map) when is_map(map) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> :error
    end
  end

  def take(_key, other), do: bad_map(other)

  @doc "`map` with the existing `key` bound to `value`; a KeyError if it is missing."
  def update(key, value, map) when is_map(map) do
    if Map.has_key?(map, key) do
      Map.put(map, key, value)
    else
      raise KeyError, key: key, term: map
    end
  end

  def update(_key, _value, other), do: bad_map(other)

  @doc "The two maps merged, `map2`'s values winning."
  def merge(map1, map2) when is_map(map1) and is_map(map2), do: Map.merge(map1, map2)
  def merge(map1, map2) when is_map(map1), do: bad_map(map2)
  def merge(map1, _map2), do: bad_map(map1)

  @doc "The keys of `map`, in its order."
  def keys(map) when is_map(map), do: Map.keys(map)
  def keys(other), do: bad_map(other)

  @doc "The values of `map`, in its order."
  def values(map) when is_map(map), do: Map.values(map)
  def values(other), do: bad_map(other)

  @doc "The `{key, value}` pairs of `map`, in its order."
  def to_list(map) when is_map(map), do: Map.to_list(map)
  def to_list(other), do: bad_map(other)

  @doc "The map of a list of `{key, value}` pairs (the last one of a key wins)."
  def from_list(list) when is_list(list) do
    if Enum.all?(list, &(is_tuple(&1) and tuple_size(&1) == 2)) do
      Map.from_list(list)
    else
      raise ArgumentError, "argument error"
    end
  end

  def from_list(_), do: raise(ArgumentError, "argument error")

  @doc "The map binding each of `keys` to `value`."
  def from_keys(keys, value) when is_list(keys), do: from_keys_acc(keys, value, %{})
  def from_keys(_keys, _value), do: bad_arg(1, "not a list")

  defp from_keys_acc([key | rest], value, acc), do: from_keys_acc(rest, value, Map.put(acc, key, value))
  defp from_keys_acc([], _value, acc), do: acc
  defp from_keys_acc(_, _value, _acc), do: bad_arg(1, "not a list")

  ## Higher-order functions

  @doc "Folds `fun.(key, value, acc)` over `map_or_iter` in its order."
  def fold(fun, init, map_or_iter) when is_function(fun, 3) do
    Enum.reduce(pairs(map_or_iter, 3), init, fn {k, v}, acc -> fun.(k, v, acc) end)
  end

  def fold(_fun, _init, map_or_iter) do
    pairs(map_or_iter, 3)
    bad_arg(1, "not a fun that takes three arguments")
  end

  @doc "The map of `fun.(key, value)` for each entry."
  def map(fun, map_or_iter) when is_function(fun, 2) do
    Map.from_list(Enum.map(pairs(map_or_iter, 2), fn {k, v} -> {k, fun.(k, v)} end))
  end

  def map(_fun, map_or_iter), do: bad_fun2(map_or_iter)

  @doc "The entries for which `pred.(key, value)` is true."
  def filter(pred, map_or_iter) when is_function(pred, 2) do
    Map.from_list(filter_pairs(pairs(map_or_iter, 2), pred))
  end

  def filter(_pred, map_or_iter), do: bad_fun2(map_or_iter)

  defp filter_pairs([{k, v} = pair | rest], pred) do
    case pred.(k, v) do
      true -> [pair | filter_pairs(rest, pred)]
      false -> filter_pairs(rest, pred)
    end
  end

  defp filter_pairs([], _pred), do: []

  @doc "Keeps, drops or replaces each entry by what `fun.(key, value)` answers: `true`, `false` or `{true, new_value}`."
  def filtermap(fun, map_or_iter) when is_function(fun, 2) do
    Map.from_list(filtermap_pairs(pairs(map_or_iter, 2), fun))
  end

  def filtermap(_fun, map_or_iter), do: bad_fun2(map_or_iter)

  defp filtermap_pairs([{k, v} = pair | rest], fun) do
    case fun.(k, v) do
      true -> [pair | filtermap_pairs(rest, fun)]
      {true, new} -> [{k, new} | filtermap_pairs(rest, fun)]
      false -> filtermap_pairs(rest, fun)
    end
  end

  defp filtermap_pairs([], _fun), do: []

  @doc "Calls `fun.(key, value)` for each entry; `:ok`."
  def foreach(fun, map_or_iter) when is_function(fun, 2) do
    Enum.each(pairs(map_or_iter, 2), fn {k, v} -> fun.(k, v) end)
    :ok
  end

  def foreach(_fun, map_or_iter), do: bad_fun2(map_or_iter)

  @doc "`map` with `fun` applied to the value of the existing `key`; a KeyError if it is missing."
  def update_with(key, fun, map) when is_map(map) and is_function(fun, 1) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> raise KeyError, key: key
    end
  end

  def update_with(_key, fun, map) when is_map(map),
    do: bad_arg(2, "not a fun that takes one argument", fun)

  def update_with(_key, _fun, other), do: bad_map(other)

  @doc "`map` with `fun` applied to the value of `key`, or `key` bound to `init` if it is missing."
  def update_with(key, fun, init, map) when is_map(map) and is_function(fun, 1) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> Map.put(map, key, init)
    end
  end

  def update_with(_key, fun, _init, map) when is_map(map),
    do: bad_arg(2, "not a fun that takes one argument", fun)

  def update_with(_key, _fun, _init, other), do: bad_map(other)

  @doc "The two maps merged, `fun.(key, value1, value2)` deciding the value of a key in both."
  def merge_with(fun, map1, map2) when is_function(fun, 3) and is_map(map1) and is_map(map2) do
    Enum.reduce(Map.to_list(map2), map1, fn {k, v2}, acc ->
      case Map.fetch(acc, k) do
        {:ok, v1} -> Map.put(acc, k, fun.(k, v1, v2))
        :error -> Map.put(acc, k, v2)
      end
    end)
  end

  def merge_with(fun, map1, map2) when is_map(map1) and is_map(map2),
    do: bad_arg(1, "not a fun that takes three arguments", fun)

  def merge_with(_fun, map1, map2) when is_map(map1), do: bad_map(map2)
  def merge_with(_fun, map1, _map2), do: bad_map(map1)

  @doc "The entries of `map2` whose keys are in `map1`."
  def intersect(map1, map2) when is_map(map1) and is_map(map2) do
    intersect_with(fn _k, _v1, v2 -> v2 end, map1, map2)
  end

  def intersect(map1, map2) when is_map(map1), do: bad_map(map2)
  def intersect(map1, _map2), do: bad_map(map1)

  @doc "The keys of both maps, each bound to `fun.(key, value1, value2)`."
  def intersect_with(fun, map1, map2) when is_function(fun, 3) and is_map(map1) and is_map(map2) do
    {small, big, swapped} =
      if map_size(map1) <= map_size(map2), do: {map1, map2, false}, else: {map2, map1, true}

    Enum.reduce(Map.to_list(small), %{}, fn {k, vs}, acc ->
      case Map.fetch(big, k) do
        {:ok, vb} when swapped -> Map.put(acc, k, fun.(k, vb, vs))
        {:ok, vb} -> Map.put(acc, k, fun.(k, vs, vb))
        :error -> acc
      end
    end)
  end

  def intersect_with(fun, map1, map2) when is_map(map1) and is_map(map2),
    do: bad_arg(1, "not a fun that takes three arguments", fun)

  def intersect_with(_fun, map1, map2) when is_map(map1), do: bad_map(map2)
  def intersect_with(_fun, map1, _map2), do: bad_map(map1)

  @doc "The entries of `map` whose keys are in `keys`."
  def with(keys, map) when is_list(keys) and is_map(map) do
    Enum.reduce(keys, %{}, fn k, acc ->
      case Map.fetch(map, k) do
        {:ok, v} -> Map.put(acc, k, v)
        :error -> acc
      end
    end)
  end

  def with(keys, map) when is_list(keys), do: bad_map(map)
  def with(_keys, _map), do: bad_arg(1, "not a list")

  @doc "`map` without the entries whose keys are in `keys`."
  def without(keys, map) when is_list(keys) and is_map(map),
    do: Enum.reduce(keys, map, &Map.delete(&2, &1))

  def without(keys, map) when is_list(keys), do: bad_map(map)
  def without(_keys, _map), do: bad_arg(1, "not a list")

  @doc "The elements of `list` grouped by `key_fun`: key => elements, in their order."
  def groups_from_list(key_fun, list) when is_function(key_fun, 1) and is_list(list),
    do: groups_from_list(key_fun, fn x -> x end, list)

  def groups_from_list(key_fun, list) do
    lines =
      Enum.filter(
        [
          !is_function(key_fun, 1) && {1, "not a fun that takes one argument"},
          !is_list(list) && {2, "not a list"}
        ],
        & &1
      )

    raise ArgumentError, arg_text(lines)
  end

  @doc "The `value_fun` images of the elements of `list` grouped by `key_fun`."
  def groups_from_list(key_fun, value_fun, list)
      when is_function(key_fun, 1) and is_function(value_fun, 1) and is_list(list) do
    list
    |> :lists.reverse()
    |> Enum.reduce(%{}, fn x, acc ->
      k = key_fun.(x)
      v = value_fun.(x)

      case Map.fetch(acc, k) do
        {:ok, vs} -> Map.put(acc, k, [v | vs])
        :error -> Map.put(acc, k, [v])
      end
    end)
  end

  def groups_from_list(key_fun, value_fun, list) do
    lines =
      [
        !is_function(key_fun, 1) && {1, "not a fun that takes one argument"},
        !is_function(value_fun, 1) && {2, "not a fun that takes one argument"},
        !is_list(list) && {3, "not a list"}
      ]
      |> Enum.filter(& &1)

    raise ArgumentError, arg_text(lines)
  end

  ## Iterators

  @doc "An iterator over `map`, for `next/1`."
  def iterator(map) when is_map(map), do: [0 | map]
  def iterator(other), do: bad_map(other)

  @doc "`{key, value, next_iterator}`, or `:none` at the end."
  def next({_key, _value, _next} = step), do: step
  def next(:none), do: :none
  def next([0 | map]) when is_map(map), do: chain(:beamlet.map_fold_list(map))
  def next(_), do: bad_arg(1, "not a valid iterator")

  defp chain([{k, v} | rest]), do: {k, v, chain(rest)}
  defp chain([]), do: :none

  ## Helpers

  # The entries of a map or of an iterator, in the iterator's order (for a
  # map of over 32 keys the reverse of `to_list/1`'s); arity is the fun's,
  # for the error a bad second argument gets.
  defp pairs(map, _arity) when is_map(map), do: :beamlet.map_fold_list(map)
  defp pairs(:none, _arity), do: []
  defp pairs({k, v, next}, arity), do: [{k, v} | pairs(next, arity)]
  defp pairs([0 | map], _arity) when is_map(map), do: :beamlet.map_fold_list(map)
  defp pairs(other, _arity), do: bad_map(other)

  defp bad_fun2(map_or_iter) do
    pairs(map_or_iter, 2)
    bad_arg(1, "not a fun that takes two arguments")
  end

  defp bad_map(term), do: raise(BadMapError, term: term)

  defp bad_arg(position, what, _term \\ nil), do: raise(ArgumentError, arg_text([{position, what}]))

  defp arg_text(lines) do
    Enum.reduce(lines, "errors were found at the given arguments:\n", fn {n, what}, acc ->
      acc <> "\n  * #{ordinal(n)} argument: #{what}\n"
    end)
  end

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"
end
