defmodule Keyword do
  @moduledoc """
  Keyword lists: lists of `{atom, value}` pairs, in order, where a key may
  appear more than once (`get/3` and friends see its first entry; `put/3`,
  `delete/2` and `update/4` act on all of them).
  """

  @doc "An empty keyword list."
  def new, do: []

  @doc "A keyword list from an enumerable of pairs, each key once (the last value wins)."
  def new(pairs), do: new(pairs, fn pair -> pair end)

  @doc "As `new/1`, each element turned into a `{key, value}` pair by `transform`."
  def new(pairs, transform) when is_function(transform, 1) do
    pairs
    |> Enum.to_list()
    |> :lists.reverse()
    |> Enum.reduce([], fn el, acc ->
      {k, v} = transform.(el)
      put_new(acc, k, v)
    end)
  end

  @doc "A keyword list of each of `keys` with `value`."
  def from_keys(keys, value) when is_list(keys), do: Enum.map(keys, fn k when is_atom(k) -> {k, value} end)

  @doc "Whether `term` is a keyword list."
  def keyword?([{key, _value} | rest]) when is_atom(key), do: keyword?(rest)
  def keyword?([]), do: true
  def keyword?(_other), do: false

  @doc "The value of the first entry of `key`, or `default`."
  def get(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> default
    end
  end

  @doc "As `get/3`, the default computed by `fun` only when needed."
  def get_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> fun.()
    end
  end

  @doc "Every value of `key`, in order."
  def get_values(keywords, key) when is_list(keywords) and is_atom(key) do
    for {^key, value} <- keywords, do: value
  end

  @doc "`{:ok, value}` of the first entry of `key`, or `:error`."
  def fetch(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> {:ok, value}
      false -> :error
    end
  end

  @doc "The value of the first entry of `key`; raises `KeyError` if none."
  def fetch!(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keyfind(key, 1, keywords) do
      {^key, value} -> value
      false -> raise KeyError, key: key, term: keywords
    end
  end

  @doc "Whether `key` has an entry."
  def has_key?(keywords, key) when is_list(keywords) and is_atom(key), do: :lists.keymember(key, 1, keywords)

  @doc "The keys, in order (duplicates too)."
  def keys(keywords) when is_list(keywords), do: :lists.map(fn {k, _} -> k end, keywords)

  @doc "The values, in order."
  def values(keywords) when is_list(keywords), do: :lists.map(fn {_, v} -> v end, keywords)

  @doc "The list itself."
  def to_list(keywords) when is_list(keywords), do: keywords

  @doc "Without any entry of `key`."
  def delete(keywords, key) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> for {k, _} = entry <- keywords, k != key, do: entry
      false -> keywords
    end
  end

  @doc false
  @deprecated "Use Keyword.filter/2 instead"
  def delete(keywords, key, value) when is_list(keywords) and is_atom(key) do
    for {k, v} = entry <- keywords, k != key or v != value, do: entry
  end

  @doc false
  @deprecated "Use Kernel.length/1 instead"
  def size(keywords), do: length(keywords)

  @doc "Without the first entry of `key`."
  def delete_first(keywords, key) when is_list(keywords) and is_atom(key) do
    :lists.keydelete(key, 1, keywords)
  end

  @doc "Without the entries of any of `keys`."
  def drop(keywords, keys) when is_list(keywords) and is_list(keys) do
    for {k, _} = entry <- keywords, k not in keys, do: entry
  end

  @doc "Only the entries of `keys` (duplicates too), in order."
  def take(keywords, keys) when is_list(keywords) and is_list(keys) do
    for {k, _} = entry <- keywords, k in keys, do: entry
  end

  @doc "`{take(keywords, keys), drop(keywords, keys)}`."
  def split(keywords, keys) when is_list(keywords) and is_list(keys) do
    {taken, rest} = Enum.reduce(keywords, {[], []}, fn {k, _} = entry, {taken, rest} ->
      if k in keys, do: {[entry | taken], rest}, else: {taken, [entry | rest]}
    end)

    {:lists.reverse(taken), :lists.reverse(rest)}
  end

  @doc "`{value, rest}`: the first value of `key` (or `default`) and the list without `key`."
  def pop(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {default, keywords}
    end
  end

  @doc "As `pop/3`; raises `KeyError` when `key` has no entry."
  def pop!(keywords, key) when is_list(keywords) and is_atom(key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  @doc "As `pop/3`, the default computed by `fun` only when needed."
  def pop_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {fun.(), keywords}
    end
  end

  @doc "`{value, rest}`: the first value of `key` and the list without that entry only."
  def pop_first(keywords, key, default \\ nil) when is_list(keywords) and is_atom(key) do
    case :lists.keytake(key, 1, keywords) do
      {:value, {^key, value}, rest} -> {value, rest}
      false -> {default, keywords}
    end
  end

  @doc "`{values, rest}`: every value of `key` and the list without them."
  def pop_values(keywords, key) when is_list(keywords) and is_atom(key) do
    {values, rest} = Enum.reduce(keywords, {[], []}, fn
      {^key, v}, {values, rest} -> {[v | values], rest}
      entry, {values, rest} -> {values, [entry | rest]}
    end)

    {:lists.reverse(values), :lists.reverse(rest)}
  end

  @doc "`key` set to `value`: every old entry of it removed, the new one first."
  def put(keywords, key, value) when is_list(keywords) and is_atom(key) do
    [{key, value} | delete(keywords, key)]
  end

  @doc "`key` set to `value` unless it has an entry."
  def put_new(keywords, key, value) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> keywords
      false -> [{key, value} | keywords]
    end
  end

  @doc "As `put_new/3`, the value computed by `fun` only when needed."
  def put_new_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 0) do
    case :lists.keymember(key, 1, keywords) do
      true -> keywords
      false -> [{key, fun.()} | keywords]
    end
  end

  @doc "The first entry of `key` given `value` (later ones removed); unchanged if none."
  def replace(keywords, key, value) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> replace_first(keywords, key, fn _ -> value end)
      false -> keywords
    end
  end

  @doc "As `replace/3`; raises `KeyError` when `key` has no entry."
  def replace!(keywords, key, value) when is_list(keywords) and is_atom(key) do
    case :lists.keymember(key, 1, keywords) do
      true -> replace_first(keywords, key, fn _ -> value end)
      false -> raise KeyError, key: key, term: keywords
    end
  end

  @doc "As `replace/3`, the new value computed from the old by `fun`."
  def replace_lazy(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    case :lists.keymember(key, 1, keywords) do
      true -> replace_first(keywords, key, fun)
      false -> keywords
    end
  end

  # The first entry of key updated by fun, the later ones removed.
  defp replace_first([{key, value} | rest], key, fun), do: [{key, fun.(value)} | delete(rest, key)]
  defp replace_first([entry | rest], key, fun), do: [entry | replace_first(rest, key, fun)]

  @doc """
  The first entry of `key` updated by `fun` (later ones removed), or
  `{key, default}` appended when there is none.
  """
  def update(keywords, key, default, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    case :lists.keymember(key, 1, keywords) do
      true -> replace_first(keywords, key, fun)
      false -> keywords ++ [{key, default}]
    end
  end

  @doc "As `update/4`; raises `KeyError` when `key` has no entry."
  def update!(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    case :lists.keymember(key, 1, keywords) do
      true -> replace_first(keywords, key, fun)
      false -> raise KeyError, key: key, term: keywords
    end
  end

  @doc """
  `fun` gets the first value of `key` (or `nil`) and returns `{get, new}`
  (the first entry set to `new`; prepended when none) or `:pop` (the first
  entry removed); returns `{get, keywords}`.
  """
  def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    case fetch(keywords, key) do
      {:ok, value} ->
        case fun.(value) do
          {get, new} -> {get, :lists.keyreplace(key, 1, keywords, {key, new})}
          :pop -> {value, delete_first(keywords, key)}
          other -> bad_get_and_update(other)
        end

      :error ->
        case fun.(nil) do
          {get, new} -> {get, [{key, new} | keywords]}
          :pop -> {nil, keywords}
          other -> bad_get_and_update(other)
        end
    end
  end

  @doc "As `get_and_update/3`; raises `KeyError` when `key` has no entry."
  def get_and_update!(keywords, key, fun) when is_list(keywords) and is_atom(key) and is_function(fun, 1) do
    case :lists.keymember(key, 1, keywords) do
      true -> get_and_update(keywords, key, fun)
      # Elixir 1.14 shows the list reversed in this one error.
      false -> raise KeyError, key: key, term: :lists.reverse(keywords)
    end
  end

  defp bad_get_and_update(other) do
    raise "the given function must return a two-element tuple or :pop, got: #{inspect(other)}"
  end

  @doc """
  `keywords2` merged into `keywords1`: the entries of `keywords1` whose
  keys `keywords2` has are removed, then `keywords2` is appended.
  """
  def merge(keywords1, keywords2) when is_list(keywords1) and is_list(keywords2) do
    check_keyword!(keywords1, "first")
    check_keyword!(keywords2, "second")
    keys2 = keys(keywords2)
    (for {k, _} = entry <- keywords1, k not in keys2, do: entry) ++ keywords2
  end

  @doc """
  As `merge/2`, an entry of `keywords2` whose key `keywords1` has taking
  `fun.(key, value1, value2)` (entry by entry, for duplicate keys).
  """
  def merge(keywords1, keywords2, fun) when is_list(keywords1) and is_list(keywords2) and is_function(fun, 3) do
    check_keyword!(keywords1, "first")
    check_keyword!(keywords2, "second")

    {rest1, merged} =
      Enum.reduce(keywords2, {keywords1, []}, fn {k, v2}, {rest1, merged} ->
        case :lists.keytake(k, 1, rest1) do
          {:value, {^k, v1}, rest1} -> {rest1, [{k, fun.(k, v1, v2)} | merged]}
          false -> {rest1, [{k, v2} | merged]}
        end
      end)

    keys2 = keys(keywords2)
    (for {k, _} = entry <- rest1, k not in keys2, do: entry) ++ :lists.reverse(merged)
  end

  defp check_keyword!(list, which) do
    if not keyword?(list) do
      raise ArgumentError, "expected a keyword list as the #{which} argument, got: #{inspect(list)}"
    end
  end

  @doc "Whether both hold the same entries, in any order."
  def equal?(left, right) when is_list(left) and is_list(right), do: :lists.sort(left) == :lists.sort(right)

  @doc "The entries for which `fun.({key, value})` is truthy."
  def filter(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    for entry <- keywords, fun.(entry), do: entry
  end

  @doc "The entries for which `fun.({key, value})` is falsy."
  def reject(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    for entry <- keywords, !fun.(entry), do: entry
  end

  @doc "Each value replaced by `fun.({key, value})` (deprecated: use `new/2`)."
  def map(keywords, fun) when is_list(keywords) and is_function(fun, 1) do
    for {k, _} = entry <- keywords, do: {k, fun.(entry)}
  end

  @doc """
  Checks `keywords` against the allowed `values` (keys, or `{key, default}`
  pairs): `{:ok, keywords}` with the missing defaults added, or
  `{:error, unknown_keys}` (a key given twice is unknown the second time).
  """
  def validate(keywords, values) when is_list(keywords) and is_list(values) do
    allowed =
      Enum.map(values, fn
        key when is_atom(key) -> key
        {key, _default} when is_atom(key) -> key
        other -> raise ArgumentError, "expected the second argument to be a list of atoms or tuples, got: #{inspect(other)}"
      end)

    {acc, bad, _} =
      Enum.reduce(keywords, {[], [], allowed}, fn
        {key, _} = entry, {acc, bad, left} when is_atom(key) ->
          if key in left, do: {[entry | acc], bad, List.delete(left, key)}, else: {acc, [key | bad], left}

        other, _ ->
          raise ArgumentError, "expected a keyword list as first argument, got invalid entry: #{inspect(other)}"
      end)

    case bad do
      [] ->
        given = keys(keywords)

        defaults =
          Enum.reduce(values, acc, fn
            {key, default}, acc -> if key in given, do: acc, else: [{key, default} | acc]
            _key, acc -> acc
          end)

        {:ok, defaults}

      bad ->
        {:error, bad}
    end
  end

  @doc "As `validate/2`, raising `ArgumentError` on unknown keys."
  def validate!(keywords, values) do
    case validate(keywords, values) do
      {:ok, keywords} ->
        keywords

      {:error, bad} ->
        allowed =
          Enum.map(values, fn
            {k, _} -> k
            k -> k
          end)

        raise ArgumentError,
              "unknown keys #{inspect(bad)} in #{inspect(keywords)}, the allowed keys are: #{inspect(allowed)}"
    end
  end
end
