# Erlang/OTP 25's `:orddict` module, written in the language.
#
# An orddict is a plain list of `{key, value}` pairs sorted by key, each key
# once; keys compare with `==` (so `1` and `1.0` are the same key) and order
# with `<`. Every function leaves the list exactly as OTP's does (a store of
# an existing key keeps the new key term, `update/3` the old one), so a
# dictionary prints and compares as on the BEAM. A function given something
# that is not an orddict, or `fetch/2` and `update/3` a missing key, fail in
# a FunctionClauseError of the function, as OTP's do.
defmodule :orddict do
  @moduledoc false

  @doc "An empty dictionary."
  def new, do: []

  @doc "Whether `key` is in `dict`."
  def is_key(key, [{k, _} | _]) when key < k, do: false
  def is_key(key, [{k, _} | rest]) when key > k, do: is_key(key, rest)
  def is_key(_key, [{_, _} | _]), do: true
  def is_key(_, []), do: false

  @doc "The pairs of `dict` (the dictionary itself)."
  def to_list(dict), do: dict

  @doc """
  The dictionary of the pairs of `list`; of pairs with equal keys the last
  one wins.
  """
  def from_list([]), do: []
  def from_list([{_, _}] = pair), do: pair
  def from_list(pairs), do: :lists.ukeysort(1, reverse_pairs(pairs, []))

  defp reverse_pairs([{_, _} = pair | rest], acc), do: reverse_pairs(rest, [pair | acc])
  defp reverse_pairs([], acc), do: acc

  @doc "The number of keys of `dict`."
  def size(dict), do: length(dict)

  @doc "Whether `dict` has no keys."
  def is_empty([]), do: true
  def is_empty([_ | _]), do: false

  @doc "The value of `key`, which must be in `dict`."
  def fetch(key, [{k, _} | rest]) when key > k, do: fetch(key, rest)
  def fetch(key, [{k, value} | _]) when key == k, do: value

  @doc "`{:ok, value}` for `key`, or `:error`."
  def find(key, [{k, _} | _]) when key < k, do: :error
  def find(key, [{k, _} | rest]) when key > k, do: find(key, rest)
  def find(_key, [{_, value} | _]), do: {:ok, value}
  def find(_, []), do: :error

  @doc "The keys of `dict`, in order."
  def fetch_keys([{key, _} | rest]), do: [key | fetch_keys(rest)]
  def fetch_keys([]), do: []

  @doc "`dict` without `key`."
  def erase(key, [{k, _} = pair | rest]) when key < k, do: [pair | rest]
  def erase(key, [{k, _} = pair | rest]) when key > k, do: [pair | erase(key, rest)]
  def erase(_key, [{_, _} | rest]), do: rest
  def erase(_, []), do: []

  @doc "`{value, rest}` for `key` taken out of `dict`, or `:error`."
  def take(key, dict), do: take_1(key, dict, [])

  defp take_1(key, [{k, _} | _], _seen) when key < k, do: :error
  defp take_1(key, [{k, _} = pair | rest], seen) when key > k, do: take_1(key, rest, [pair | seen])
  defp take_1(_key, [{_, value} | rest], seen), do: {value, :lists.reverse(seen, rest)}
  defp take_1(_, [], _), do: :error

  @doc "`dict` with `key` set to `value`."
  def store(key, value, [{k, _} = pair | rest]) when key < k, do: [{key, value}, pair | rest]
  def store(key, value, [{k, _} = pair | rest]) when key > k, do: [pair | store(key, value, rest)]
  def store(key, value, [{_, _} | rest]), do: [{key, value} | rest]
  def store(key, value, []), do: [{key, value}]

  @doc "`dict` with `value` appended to the list at `key` (a new list if none)."
  def append(key, value, [{k, _} = pair | rest]) when key < k, do: [{key, [value]}, pair | rest]
  def append(key, value, [{k, _} = pair | rest]) when key > k, do: [pair | append(key, value, rest)]
  def append(key, value, [{_, old} | rest]), do: [{key, old ++ [value]} | rest]
  def append(key, value, []), do: [{key, [value]}]

  @doc "`dict` with the elements of `values` appended to the list at `key`."
  def append_list(key, values, [{k, _} = pair | rest]) when key < k,
    do: [{key, values}, pair | rest]

  def append_list(key, values, [{k, _} = pair | rest]) when key > k,
    do: [pair | append_list(key, values, rest)]

  def append_list(key, values, [{_, old} | rest]), do: [{key, old ++ values} | rest]
  def append_list(key, values, []), do: [{key, values}]

  @doc "`dict` with the value at `key` (which must be there) replaced by `fun.(value)`."
  def update(key, fun, [{k, _} = pair | rest]) when key > k, do: [pair | update(key, fun, rest)]
  def update(key, fun, [{k, value} | rest]) when key == k, do: [{key, fun.(value)} | rest]

  @doc "`dict` with the value at `key` replaced by `fun.(value)`, or set to `initial`."
  def update(key, _fun, initial, [{k, _} = pair | rest]) when key < k,
    do: [{key, initial}, pair | rest]

  def update(key, fun, initial, [{k, _} = pair | rest]) when key > k,
    do: [pair | update(key, fun, initial, rest)]

  def update(key, fun, _initial, [{_, value} | rest]), do: [{key, fun.(value)} | rest]
  def update(key, _fun, initial, []), do: [{key, initial}]

  @doc "`dict` with `increment` added to the number at `key` (set to it if none)."
  def update_counter(key, increment, [{k, _} = pair | rest]) when key < k,
    do: [{key, increment}, pair | rest]

  def update_counter(key, increment, [{k, _} = pair | rest]) when key > k,
    do: [pair | update_counter(key, increment, rest)]

  def update_counter(key, increment, [{_, value} | rest]), do: [{key, value + increment} | rest]
  def update_counter(key, increment, []), do: [{key, increment}]

  @doc "`fun.(key, value, acc)` over the pairs of `dict`, in order."
  def fold(fun, acc, [{key, value} | rest]), do: fold(fun, fun.(key, value, acc), rest)
  def fold(_fun, acc, []), do: acc

  @doc "`dict` with each value replaced by `fun.(key, value)`."
  def map(fun, [{key, value} | rest]), do: [{key, fun.(key, value)} | map(fun, rest)]
  def map(_fun, []), do: []

  @doc "The pairs of `dict` for which `pred.(key, value)` is true."
  def filter(pred, [{key, value} = pair | rest]) do
    case pred.(key, value) do
      true -> [pair | filter(pred, rest)]
      false -> filter(pred, rest)
    end
  end

  def filter(_pred, []), do: []

  @doc """
  The two dictionaries merged; for a key in both, `fun.(key, value1, value2)`.
  """
  def merge(fun, [{k1, _} = p1 | rest1], [{k2, _} | _] = d2) when k1 < k2,
    do: [p1 | merge(fun, rest1, d2)]

  def merge(fun, [{k1, _} | _] = d1, [{k2, _} = p2 | rest2]) when k1 > k2,
    do: [p2 | merge(fun, d1, rest2)]

  def merge(fun, [{k1, v1} | rest1], [{_, v2} | rest2]),
    do: [{k1, fun.(k1, v1, v2)} | merge(fun, rest1, rest2)]

  def merge(_fun, [], d2), do: d2
  def merge(_fun, d1, []), do: d1
end
