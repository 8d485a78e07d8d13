# Erlang/OTP 25's `:proplists` module, written in the language.
#
# A property list holds entries: an atom `key` (short for `{key, true}`) or
# a tuple whose first element is the key (`{key, value}` the usual one);
# anything else is ignored. Keys compare with `===`. The first entry of a
# key wins for the lookups. Results are OTP 25's term for term, including
# `get_keys/1`, whose order is that of OTP's `:sets` (v1) `to_list/1`.
defmodule :proplists do
  @moduledoc false

  # Whether entry `p` has the key `key`.
  defguardp has_key(p, key)
            when (is_atom(p) and p === key) or
                   (is_tuple(p) and tuple_size(p) >= 1 and elem(p, 0) === key)

  @doc "The shortest form of property `p`: `{key, true}` becomes `key`."
  def property({key, true}) when is_atom(key), do: key
  def property(p), do: p

  @doc "The shortest form of the property `{key, value}`."
  def property(key, true) when is_atom(key), do: key
  def property(key, value), do: {key, value}

  @doc "`list` with each atom `key` written `{key, true}`."
  def unfold([p | rest]) when is_atom(p), do: [{p, true} | unfold(rest)]
  def unfold([p | rest]), do: [p | unfold(rest)]
  def unfold([]), do: []

  @doc "`list` with each entry in its shortest form."
  def compact(list), do: for(p <- list, do: property(p))

  @doc "The first entry of `key` (`{key, true}` for an atom), or `:none`."
  def lookup(key, [p | _]) when is_atom(p) and p === key, do: {key, true}
  def lookup(key, [p | _]) when has_key(p, key), do: p
  def lookup(key, [_ | rest]), do: lookup(key, rest)
  def lookup(_key, []), do: :none

  @doc "Every entry of `key`, in order."
  def lookup_all(key, [p | rest]) when is_atom(p) and p === key,
    do: [{key, true} | lookup_all(key, rest)]

  def lookup_all(key, [p | rest]) when has_key(p, key), do: [p | lookup_all(key, rest)]
  def lookup_all(key, [_ | rest]), do: lookup_all(key, rest)
  def lookup_all(_key, []), do: []

  @doc "Whether `list` has an entry of `key`."
  def is_defined(key, [p | _]) when has_key(p, key), do: true
  def is_defined(key, [_ | rest]), do: is_defined(key, rest)
  def is_defined(_key, []), do: false

  @doc "The value of the first entry of `key`, or `:undefined`."
  def get_value(key, list), do: get_value(key, list, :undefined)

  @doc """
  The value of the first entry of `key` (`true` for an atom); `default`
  when there is none, or when that entry is not a pair.
  """
  def get_value(key, [p | _], _default) when is_atom(p) and p === key, do: true

  def get_value(key, [p | _], default) when has_key(p, key) do
    case p do
      {_, value} -> value
      _ -> default
    end
  end

  def get_value(key, [_ | rest], default), do: get_value(key, rest, default)
  def get_value(_key, [], default), do: default

  @doc "The values of every pair (or atom) entry of `key`, in order."
  def get_all_values(key, [p | rest]) when is_atom(p) and p === key,
    do: [true | get_all_values(key, rest)]

  def get_all_values(key, [{k, value} | rest]) when k === key,
    do: [value | get_all_values(key, rest)]

  def get_all_values(key, [_ | rest]), do: get_all_values(key, rest)
  def get_all_values(_key, []), do: []

  @doc """
  The values of the entries of `key` appended: a list value is spliced in,
  any other value added as one element.
  """
  def append_values(key, [p | rest]) when is_atom(p) and p === key,
    do: [true | append_values(key, rest)]

  def append_values(key, [{k, value} | rest]) when k === key and is_list(value),
    do: value ++ append_values(key, rest)

  def append_values(key, [{k, value} | rest]) when k === key,
    do: [value | append_values(key, rest)]

  def append_values(key, [_ | rest]), do: append_values(key, rest)
  def append_values(_key, []), do: []

  @doc "Whether the first entry of `key` is `key` or `{key, true}`."
  def get_bool(key, [p | _]) when is_atom(p) and p === key, do: true
  def get_bool(key, [p | _]) when has_key(p, key), do: match?({_, true}, p)
  def get_bool(key, [_ | rest]), do: get_bool(key, rest)
  def get_bool(_key, []), do: false

  @doc "The keys of `list`, each once (in OTP's `:sets` order)."
  def get_keys(list), do: :sets.to_list(collect_keys(list, :sets.new()))

  defp collect_keys([p | rest], keys) when is_atom(p),
    do: collect_keys(rest, :sets.add_element(p, keys))

  defp collect_keys([p | rest], keys) when is_tuple(p) and tuple_size(p) >= 1,
    do: collect_keys(rest, :sets.add_element(elem(p, 0), keys))

  defp collect_keys([_ | rest], keys), do: collect_keys(rest, keys)
  defp collect_keys([], keys), do: keys

  @doc "`list` without the entries of `key`."
  def delete(key, [p | rest]) when has_key(p, key), do: delete(key, rest)
  def delete(key, [p | rest]), do: [p | delete(key, rest)]
  def delete(_key, []), do: []

  @doc "`list` with the keys renamed by the `{key, new_key}` pairs of `aliases`."
  def substitute_aliases(aliases, list), do: for(p <- list, do: alias_entry(aliases, p))

  defp alias_entry([{key, new} | _], p) when is_atom(p) and p === key, do: property(new, true)

  defp alias_entry([{key, new} | _], p) when has_key(p, key),
    do: property(put_elem(p, 0, new))

  defp alias_entry([_ | rest], p), do: alias_entry(rest, p)
  defp alias_entry([], p), do: p

  @doc """
  `list` with the boolean entries of the keys of `negations` (`{key,
  new_key}` pairs) renamed and negated; a non-boolean value becomes `true`.
  """
  def substitute_negations(negations, list),
    do: for(p <- list, do: negate_entry(negations, p))

  defp negate_entry([{key, new} | _], p) when is_atom(p) and p === key, do: property(new, false)

  defp negate_entry([{key, new} | _], p) when has_key(p, key) do
    case p do
      {_, true} -> property(new, false)
      {_, false} -> property(new, true)
      _ -> property(new, true)
    end
  end

  defp negate_entry([_ | rest], p), do: negate_entry(rest, p)
  defp negate_entry([], p), do: p

  @doc """
  `list` with each entry matching a property of `expansions` (`{property,
  replacement}`) replaced by the replacement (a list is spliced in), and
  later entries of the same key removed.
  """
  def expand(expansions, list) when is_list(list) do
    pairs = for {p, v} <- expansions, do: {property(p), v}
    pairs |> first_of_each_key() |> Enum.reduce(list, &expand_one/2) |> splice()
  end

  # Of consecutive expansions with the same (`===`) property, the first.
  defp first_of_each_key([{k, v} | rest]), do: [{k, v} | drop_same(k, rest)]
  defp first_of_each_key([]), do: []

  defp drop_same(k, [{k1, v} | rest]) do
    if k === k1, do: drop_same(k, rest), else: [{k1, v} | drop_same(k1, rest)]
  end

  defp drop_same(_, []), do: []

  defp expand_one({p, replacement}, list) do
    cond do
      is_atom(p) -> expand_key(p, p, replacement, list)
      is_tuple(p) and tuple_size(p) >= 1 -> expand_key(elem(p, 0), p, replacement, list)
      true -> list
    end
  end

  # Finds the first entry of `key`: when it is `p`, it becomes the
  # replacement and the later entries of `key` go.
  defp expand_key(key, p, replacement, [e | rest]) when is_atom(e) and e === key,
    do: expand_found(key, p, e, replacement, rest)

  defp expand_key(key, p, replacement, [e | rest]) when has_key(e, key),
    do: expand_found(key, p, property(e), replacement, rest)

  defp expand_key(key, p, replacement, [e | rest]),
    do: [e | expand_key(key, p, replacement, rest)]

  defp expand_key(_, _, _, []), do: []

  defp expand_found(key, p, e, replacement, rest) do
    if p === e, do: [replacement | delete(key, rest)], else: [e | rest]
  end

  defp splice([e | rest]) when is_list(e), do: e ++ splice(rest)
  defp splice([e | rest]), do: [e | splice(rest)]
  defp splice([]), do: []

  @doc """
  `list` passed through `stages` in order (`{:aliases, as}`,
  `{:negations, ns}`, `{:expand, es}`), then compacted.
  """
  def normalize(list, [{:aliases, aliases} | rest]),
    do: normalize(substitute_aliases(aliases, list), rest)

  def normalize(list, [{:expand, expansions} | rest]),
    do: normalize(expand(expansions, list), rest)

  def normalize(list, [{:negations, negations} | rest]),
    do: normalize(substitute_negations(negations, list), rest)

  def normalize(list, []), do: compact(list)

  @doc """
  `{[entries of each key], rest}`: the entries of `list` for each of `keys`,
  in order, and the others.
  """
  def split(list, keys) do
    store = Map.new(keys, fn k -> {k, []} end)
    {store, rest} = split_entries(list, store, [])
    {for(k <- keys, do: :lists.reverse(Map.fetch!(store, k))), :lists.reverse(rest)}
  end

  defp split_entries([p | ps], store, rest) when is_atom(p),
    do: split_into(p, p, ps, store, rest)

  defp split_entries([p | ps], store, rest) when is_tuple(p) and tuple_size(p) >= 1,
    do: split_into(elem(p, 0), p, ps, store, rest)

  defp split_entries([p | ps], store, rest), do: split_entries(ps, store, [p | rest])
  defp split_entries([], store, rest), do: {store, rest}

  defp split_into(key, p, ps, store, rest) do
    case store do
      %{^key => seen} -> split_entries(ps, %{store | key => [p | seen]}, rest)
      _ -> split_entries(ps, store, [p | rest])
    end
  end

  @doc """
  The map of `list`: each key to the value of its first entry (`true` for
  an atom); a key whose first entry is a tuple of another size is left out.
  """
  def to_map(list) do
    :lists.foldr(
      fn
        {k, v}, m -> Map.put(m, k, v)
        t, m when is_tuple(t) and tuple_size(t) >= 1 -> Map.delete(m, elem(t, 0))
        k, m when is_atom(k) -> Map.put(m, k, true)
        _, m -> m
      end,
      %{},
      list
    )
  end

  @doc "`to_map/1` of `list` normalized by `stages`."
  def to_map(list, stages), do: to_map(normalize(list, stages))

  @doc "The property list of `map`'s pairs."
  def from_map(map), do: :maps.to_list(map)
end
