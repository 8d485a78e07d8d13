defmodule Map do
  @moduledoc """
  Elixir 1.14's Map, every public function.

  The core operations are built-ins (vm/src/bif/map.rs): a call written
  `Map.get(m, k)` compiles to the built-in itself, and the functions of the
  same names here (`get/2`, `put/3`, ...) are the doors for calls made by a
  name known only at run time (`apply/3`, `mod.get(m, k)`, `&Map.get/2`).
  Everything else is written over those built-ins, so it works whatever the
  map's representation. Errors are Elixir's: a non-map gives `BadMapError`,
  a missing key `KeyError` ("key :x not found in: %{...}"), a bad argument
  of the wrong type a `FunctionClauseError` naming the function (or the
  helper Elixir names).
  """

  @doc "A new empty map."
  def new, do: %{}

  @doc "A map from an enumerable of `{key, value}` pairs (a map itself is returned as is)."
  def new(%_{} = struct), do: Map.from_list(Enum.to_list(struct))
  def new(%{} = map), do: map
  def new(enumerable), do: Map.from_list(Enum.to_list(enumerable))

  @doc "A map from an enumerable, each element turned into a pair by `transform`."
  def new(%_{} = struct, transform), do: new_from_enum(struct, transform)
  def new(%{} = map, transform), do: new_from_map(map, transform)
  def new(enumerable, transform), do: new_from_enum(enumerable, transform)

  defp new_from_map(map, transform) when is_function(transform, 1) do
    Map.from_list(:lists.map(transform, :beamlet.map_fold_list(map)))
  end

  defp new_from_enum(enumerable, transform) when is_function(transform, 1) do
    Map.from_list(Enum.map(enumerable, transform))
  end

  @doc "A map of each of `keys` with `value`."
  def from_keys(keys, value) when is_list(keys), do: Map.from_list(from_keys_pairs(keys, value))

  def from_keys(keys, _value) do
    raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a list\n"
  end

  defp from_keys_pairs([key | rest], value), do: [{key, value} | from_keys_pairs(rest, value)]
  defp from_keys_pairs([], _value), do: []

  defp from_keys_pairs(_improper, _value) do
    raise ArgumentError, "errors were found at the given arguments:\n\n  * 1st argument: not a proper list\n"
  end

  @doc "The keys, in the map's order."
  def keys(map), do: Map.keys(map)

  @doc "The values, in the map's order."
  def values(map), do: Map.values(map)

  @doc "The `{key, value}` pairs, in the map's order."
  def to_list(map), do: Map.to_list(map)

  @doc "Whether `key` is in `map`."
  def has_key?(map, key), do: Map.has_key?(map, key)

  @doc "The value of `key`, or `default`."
  def get(map, key, default \\ nil), do: Map.get(map, key, default)

  @doc "`{:ok, value}`, or `:error` when `key` is missing."
  def fetch(map, key), do: Map.fetch(map, key)

  @doc "The value of `key`; `KeyError` when it is missing."
  def fetch!(map, key), do: Map.fetch!(map, key)

  @doc "`map` with `key` set to `value`."
  def put(map, key, value), do: Map.put(map, key, value)

  @doc "`map` with `key` set to `value` unless `key` is there already."
  def put_new(map, key, value), do: Map.put_new(map, key, value)

  @doc "`map` without `key`."
  def delete(map, key), do: Map.delete(map, key)

  @doc "The two maps together; the second one's values win."
  def merge(map1, map2), do: Map.merge(map1, map2)

  @doc "`{value, map without key}`, or `{default, map}` when `key` is missing."
  def pop(map, key, default \\ nil), do: Map.pop(map, key, default)

  @doc "Whether the two maps are equal, strictly (`1` is not `1.0`)."
  def equal?(map1, map2) when is_map(map1) and is_map(map2), do: map1 === map2
  def equal?(map1, map2) when is_map(map1), do: :erlang.error({:badmap, map2})
  def equal?(map1, _map2), do: :erlang.error({:badmap, map1})

  @doc "The value of `key`, or what `fun` (of no arguments) computes when it is missing."
  def get_lazy(map, key, fun) when is_function(fun, 0) do
    case Map.fetch(map, key) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  @doc "`map` with `key` set to what `fun` computes, unless `key` is there already."
  def put_new_lazy(map, key, fun) when is_function(fun, 0) do
    case Map.has_key?(map, key) do
      true -> map
      false -> Map.put(map, key, fun.())
    end
  end

  @doc "`map` with the value of `key` replaced, if `key` is there."
  def replace(map, key, value) do
    case Map.has_key?(map, key) do
      true -> Map.put(map, key, value)
      false -> map
    end
  end

  @doc "`map` with the value of `key` replaced; `KeyError` when it is missing."
  def replace!(map, key, value) do
    case Map.has_key?(map, key) do
      true -> Map.put(map, key, value)
      false -> :erlang.error({:badkey, key, map})
    end
  end

  @doc "`map` with the value of `key` replaced by `fun` of it, if `key` is there."
  def replace_lazy(map, key, fun) when is_map(map) and is_function(fun, 1) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> map
    end
  end

  @doc "`map` with `key` updated by `fun`, or set to `default` when missing."
  def update(map, key, default, fun) when is_function(fun, 1) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> Map.put(map, key, default)
    end
  end

  @doc "`map` with `key` updated by `fun`; `KeyError` when it is missing."
  def update!(map, key, fun) when is_function(fun, 1) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> :erlang.error({:badkey, key, map})
    end
  end

  @doc "`{value, map without key}`; `KeyError` when `key` is missing."
  def pop!(map, key) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> :erlang.error({:badkey, key, map})
    end
  end

  @doc "As `pop/3`, the default computed by `fun` only when needed."
  def pop_lazy(map, key, fun) when is_function(fun, 0) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> {fun.(), map}
    end
  end

  @doc """
  `fun` gets the current value of `key` (nil when missing) and returns
  `{get, new_value}` (the result is `{get, updated map}`) or `:pop`.
  """
  def get_and_update(map, key, fun) when is_function(fun, 1) do
    current = Map.get(map, key)

    case fun.(current) do
      {get, update} -> {get, Map.put(map, key, update)}
      :pop -> {current, Map.delete(map, key)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  @doc "As `get_and_update/3`; `KeyError` when `key` is missing."
  def get_and_update!(map, key, fun) when is_function(fun, 1) do
    value =
      case Map.fetch(map, key) do
        {:ok, value} -> value
        :error -> :erlang.error({:badkey, key, map})
      end

    case fun.(value) do
      {get, update} -> {get, Map.put(map, key, update)}
      :pop -> {value, Map.delete(map, key)}
      other -> raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
    end
  end

  @doc "The map of the given keys that are in `map`."
  def take(map, keys) when is_map(map) and is_list(keys), do: take(keys, map, [])
  def take(map, keys) when is_map(map), do: take(map, Enum.to_list(keys))
  def take(map, _keys), do: :erlang.error({:badmap, map})

  defp take([key | rest], map, acc) do
    case Map.fetch(map, key) do
      {:ok, value} -> take(rest, map, [{key, value} | acc])
      :error -> take(rest, map, acc)
    end
  end

  defp take([], _map, acc), do: Map.from_list(acc)

  @doc "`map` without the given keys."
  def drop(map, keys) when is_map(map) and is_list(keys), do: drop_keys(keys, map)
  def drop(map, keys) when is_map(map), do: drop(map, Enum.to_list(keys))
  def drop(map, _keys), do: :erlang.error({:badmap, map})

  defp drop_keys([key | rest], acc), do: drop_keys(rest, Map.delete(acc, key))
  defp drop_keys([], acc), do: acc

  @doc "`{map of the given keys, map of the others}`."
  def split(map, keys) when is_map(map) and is_list(keys), do: split(keys, [], map)
  def split(map, keys) when is_map(map), do: split(map, Enum.to_list(keys))
  def split(map, _keys), do: :erlang.error({:badmap, map})

  defp split([key | rest], taken, others) do
    case Map.fetch(others, key) do
      {:ok, value} -> split(rest, [{key, value} | taken], Map.delete(others, key))
      :error -> split(rest, taken, others)
    end
  end

  defp split([], taken, others), do: {Map.from_list(taken), others}

  @doc "The entries for which `fun` of `{key, value}` is truthy."
  def filter(map, fun) when is_map(map) and is_function(fun, 1) do
    Map.from_list(for({_, _} = pair <- :beamlet.map_fold_list(map), fun.(pair), do: pair))
  end

  @doc "The entries for which `fun` of `{key, value}` is falsy."
  def reject(map, fun) when is_map(map) and is_function(fun, 1) do
    Map.from_list(for({_, _} = pair <- :beamlet.map_fold_list(map), !fun.(pair), do: pair))
  end

  @doc """
  The two maps together; for a key in both, `fun.(key, value1, value2)`
  gives the value.
  """
  def merge(map1, map2, fun) when is_function(fun, 3) do
    cond do
      not is_map(map1) -> :erlang.error({:badmap, map1})
      not is_map(map2) -> :erlang.error({:badmap, map2})
      true -> merge_with(:beamlet.map_fold_list(map2), map1, fun)
    end
  end

  defp merge_with([{key, value2} | rest], acc, fun) do
    case Map.fetch(acc, key) do
      {:ok, value1} -> merge_with(rest, Map.put(acc, key, fun.(key, value1, value2)), fun)
      :error -> merge_with(rest, Map.put(acc, key, value2), fun)
    end
  end

  defp merge_with([], acc, _fun), do: acc

  @doc "The struct's fields as a plain map (a module: its default struct's)."
  def from_struct(struct) when is_atom(struct), do: Map.delete(struct.__struct__(), :__struct__)
  def from_struct(%_{} = struct), do: Map.delete(struct, :__struct__)

  @doc false
  @deprecated "Use Map.new/2 instead (invoke Map.from_struct/1 before if you have a struct)"
  def map(map, fun) when is_function(fun, 1) do
    Map.from_list(for({key, _} = pair <- :beamlet.map_fold_list(map), do: {key, fun.(pair)}))
  end

  @doc false
  @deprecated "Use Kernel.map_size/1 instead"
  def size(map), do: map_size(map)
end
