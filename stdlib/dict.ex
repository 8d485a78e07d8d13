# Erlang/OTP 25's `:dict` module, written in the language.
#
# A dictionary is OTP's linear hash table, the record `{:dict, size, n,
# maxn, bso, exp_size, con_size, empty, segs}`, as `:sets` version 1 (see
# stdlib/sets.ex: buckets in segments of 16 picked by `:erlang.phash/2`,
# one bucket more past 5 entries per bucket, one fewer under 3). An entry
# is the cell `[key | value]`; a new key goes at the end of its bucket, a
# stored one keeps its place. Keys match with `===`. Layout and order are
# OTP 25's, so `to_list/1` and `fold/3` give OTP's order and a dictionary
# prints as on the BEAM.
#
# Errors are OTP's: `fetch/2` and `update/3` of a missing key raise
# `badarg` (ArgumentError "argument error").
defmodule :dict do
  @moduledoc false

  @seg_size 16
  @expand_load 5
  @contract_load 3
  @empty_seg {[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []}

  @doc "An empty dictionary."
  def new do
    {:dict, 0, @seg_size, @seg_size, div(@seg_size, 2), @seg_size * @expand_load,
     @seg_size * @contract_load, @empty_seg, {@empty_seg}}
  end

  @doc "Whether `key` is in `dict`."
  def is_key(key, d), do: match?({:ok, _}, find_in(key, bucket(d, slot(d, key))))

  @doc "The `{key, value}` pairs of `dict` (in OTP's order)."
  def to_list(d), do: fold(fn k, v, acc -> [{k, v} | acc] end, [], d)

  @doc "The dictionary of the pairs of `list` (the last value of a key wins)."
  def from_list(list), do: :lists.foldl(fn {k, v}, d -> store(k, v, d) end, new(), list)

  @doc "The number of keys of `dict`."
  def size({:dict, n, _, _, _, _, _, _, _}) when is_integer(n) and n >= 0, do: n

  @doc "Whether `dict` is empty."
  def is_empty({:dict, n, _, _, _, _, _, _, _}), do: n == 0

  @doc "The value of `key`, which must be in `dict`."
  def fetch(key, d) do
    case find_in(key, bucket(d, slot(d, key))) do
      {:ok, value} -> value
      :error -> :erlang.error(:badarg, [key, d])
    end
  end

  @doc "`{:ok, value}` for `key`, or `:error`."
  def find(key, d), do: find_in(key, bucket(d, slot(d, key)))

  defp find_in(key, [[k | v] | _]) when k === key, do: {:ok, v}
  defp find_in(key, [_ | rest]), do: find_in(key, rest)
  defp find_in(_, []), do: :error

  @doc "The keys of `dict` (in OTP's order)."
  def fetch_keys(d), do: fold(fn k, _v, acc -> [k | acc] end, [], d)

  @doc "`dict` without `key`."
  def erase(key, d) do
    slot = slot(d, key)
    {bucket, dropped} = erase_key(key, bucket(d, slot))
    d |> put_bucket(slot, bucket) |> maybe_contract(dropped)
  end

  defp erase_key(key, [[k | _] | rest]) when k === key, do: {rest, 1}

  defp erase_key(key, [e | rest]) do
    {rest, n} = erase_key(key, rest)
    {[e | rest], n}
  end

  defp erase_key(_, []), do: {[], 0}

  @doc "`{value, dict without key}`, or `:error`."
  def take(key, d) do
    slot = slot(d, key)

    case take_key(key, bucket(d, slot)) do
      {bucket, {value, n}} -> {value, d |> put_bucket(slot, bucket) |> maybe_contract(n)}
      {_, :error} -> :error
    end
  end

  defp take_key(key, [[k | v] | rest]) when k === key, do: {rest, {v, 1}}

  defp take_key(key, [e | rest]) do
    {rest, res} = take_key(key, rest)
    {[e | rest], res}
  end

  defp take_key(_, []), do: {[], :error}

  @doc "`dict` with `key` set to `value`."
  def store(key, value, d), do: change(d, key, fn _ -> value end, fn -> value end)

  @doc "`dict` with `value` appended to the list at `key`."
  def append(key, value, d), do: change(d, key, &(&1 ++ [value]), fn -> [value] end)

  @doc "`dict` with the elements of `values` appended to the list at `key`."
  def append_list(key, values, d), do: change(d, key, &(&1 ++ values), fn -> values end)

  @doc "`dict` with the value of `key` (which must be there) replaced by `fun.(value)`."
  def update(key, fun, d) do
    slot = slot(d, key)

    case update_key(key, fun, bucket(d, slot)) do
      {:ok, bucket} -> put_bucket(d, slot, bucket)
      :error -> :erlang.error(:badarg, [key, fun, d])
    end
  end

  defp update_key(key, fun, [[k | v] | rest]) when k === key, do: {:ok, [[k | fun.(v)] | rest]}

  defp update_key(key, fun, [e | rest]) do
    case update_key(key, fun, rest) do
      {:ok, rest} -> {:ok, [e | rest]}
      :error -> :error
    end
  end

  defp update_key(_, _, []), do: :error

  @doc "`dict` with the value of `key` replaced by `fun.(value)`, or set to `initial`."
  def update(key, fun, initial, d), do: change(d, key, fun, fn -> initial end)

  @doc "`dict` with `increment` added to the number at `key` (set to it if none)."
  def update_counter(key, increment, d) when is_number(increment),
    do: change(d, key, &(&1 + increment), fn -> increment end)

  # The bucket of `key` with its value changed by `fun`, or a new entry
  # of `new.()` at its end (then maybe one bucket more).
  defp change(d, key, fun, new) do
    slot = slot(d, key)
    {bucket, added} = change_key(key, fun, new, bucket(d, slot))
    d |> put_bucket(slot, bucket) |> maybe_expand(added)
  end

  defp change_key(key, fun, _new, [[k | v] | rest]) when k === key,
    do: {[[key | fun.(v)] | rest], 0}

  defp change_key(key, fun, new, [e | rest]) do
    {rest, added} = change_key(key, fun, new, rest)
    {[e | rest], added}
  end

  defp change_key(key, _fun, new, []), do: {[[key | new.()]], 1}

  @doc "`fun.(key, value, acc)` over `dict` (in OTP's order)."
  def fold(fun, acc, {:dict, _, _, _, _, _, _, _, segs}),
    do: fold_segs(fun, acc, segs, tuple_size(segs))

  defp fold_segs(fun, acc, segs, i) when i >= 1 do
    seg = elem(segs, i - 1)
    fold_segs(fun, fold_seg(fun, acc, seg, tuple_size(seg)), segs, i - 1)
  end

  defp fold_segs(_, acc, _, _), do: acc

  defp fold_seg(fun, acc, seg, i) when i >= 1,
    do: fold_seg(fun, fold_bucket(fun, acc, elem(seg, i - 1)), seg, i - 1)

  defp fold_seg(_, acc, _, _), do: acc

  defp fold_bucket(fun, acc, [[k | v] | rest]), do: fold_bucket(fun, fun.(k, v, acc), rest)
  defp fold_bucket(_, acc, []), do: acc

  @doc "`dict` with each value replaced by `fun.(key, value)`."
  def map(fun, {:dict, _, _, _, _, _, _, _, segs} = d) when is_function(fun, 2) do
    segs =
      for seg <- Tuple.to_list(segs) do
        seg
        |> Tuple.to_list()
        |> Enum.map(fn bucket -> for [k | v] <- bucket, do: [k | fun.(k, v)] end)
        |> List.to_tuple()
      end

    put_elem(d, 8, List.to_tuple(segs))
  end

  @doc "The entries of `dict` for which `pred.(key, value)` is true."
  def filter(pred, {:dict, _, _, _, _, _, _, _, segs} = d) when is_function(pred, 2) do
    {segs, dropped} =
      segs
      |> Tuple.to_list()
      |> Enum.map_reduce(0, fn seg, dropped ->
        {buckets, dropped} =
          seg |> Tuple.to_list() |> Enum.map_reduce(dropped, &filter_bucket(pred, &1, [], &2))

        {List.to_tuple(buckets), dropped}
      end)

    maybe_contract(put_elem(d, 8, List.to_tuple(segs)), dropped)
  end

  # The kept entries come out reversed, as in OTP.
  defp filter_bucket(pred, [[k | v] = e | rest], kept, dropped) do
    case pred.(k, v) do
      true -> filter_bucket(pred, rest, [e | kept], dropped)
      false -> filter_bucket(pred, rest, kept, dropped + 1)
    end
  end

  defp filter_bucket(_, [], kept, dropped), do: {kept, dropped}

  @doc """
  The two dictionaries merged; for a key in both, `fun.(key, value1,
  value2)`. The smaller one's entries go into the bigger one.
  """
  def merge(fun, d1, d2) do
    if size(d1) < size(d2) do
      fold(fn k, v1, d -> update(k, fn v2 -> fun.(k, v1, v2) end, v1, d) end, d2, d1)
    else
      fold(fn k, v2, d -> update(k, fn v1 -> fun.(k, v1, v2) end, v2, d) end, d1, d2)
    end
  end

  ## The linear hash table (as stdlib/sets.ex's)

  defp slot({:dict, _, n, maxn, bso, _, _, _, _}, key) do
    h = :erlang.phash(key, maxn)
    if h > n, do: h - bso, else: h
  end

  defp bucket({:dict, _, _, _, _, _, _, _, segs}, slot), do: get_bucket(segs, slot)

  defp get_bucket(segs, slot) do
    elem(elem(segs, div(slot - 1, @seg_size)), rem(slot - 1, @seg_size))
  end

  defp put_bucket(d, slot, bucket), do: put_elem(d, 8, set_bucket(elem(d, 8), slot, bucket))

  defp set_bucket(segs, slot, bucket) do
    si = div(slot - 1, @seg_size)
    put_elem(segs, si, put_elem(elem(segs, si), rem(slot - 1, @seg_size), bucket))
  end

  defp maybe_expand({:dict, size, n, maxn, bso, exp, _, empty, segs}, added)
       when size + added > exp do
    {maxn, bso, segs} =
      if n == maxn, do: {2 * maxn, 2 * bso, grow_segs(segs, empty)}, else: {maxn, bso, segs}

    n = n + 1
    slot1 = n - bso
    {b1, b2} = rehash(get_bucket(segs, slot1), slot1, n, maxn)
    segs = segs |> set_bucket(slot1, b1) |> set_bucket(n, b2)
    {:dict, size + added, n, maxn, bso, n * @expand_load, n * @contract_load, empty, segs}
  end

  defp maybe_expand(d, added), do: put_elem(d, 1, elem(d, 1) + added)

  defp rehash([[k | _] = e | rest], slot1, slot2, maxn) do
    {l1, l2} = rehash(rest, slot1, slot2, maxn)

    case :erlang.phash(k, maxn) do
      ^slot1 -> {[e | l1], l2}
      ^slot2 -> {l1, [e | l2]}
    end
  end

  defp rehash([], _, _, _), do: {[], []}

  defp grow_segs(segs, empty) do
    List.to_tuple(Tuple.to_list(segs) ++ List.duplicate(empty, tuple_size(segs)))
  end

  defp maybe_contract({:dict, size, n, maxn, bso, _, con, empty, segs}, dropped)
       when size - dropped < con and n > @seg_size do
    slot1 = n - bso
    merged = get_bucket(segs, slot1) ++ get_bucket(segs, n)
    segs = segs |> set_bucket(slot1, merged) |> set_bucket(n, [])
    n = n - 1

    if n == bso do
      half = div(tuple_size(segs), 2)
      segs = segs |> Tuple.to_list() |> Enum.take(max(half, 1)) |> List.to_tuple()
      {:dict, size - dropped, n, div(maxn, 2), div(bso, 2), n * @expand_load, n * @contract_load,
       empty, segs}
    else
      {:dict, size - dropped, n, maxn, bso, n * @expand_load, n * @contract_load, empty, segs}
    end
  end

  defp maybe_contract(d, dropped), do: put_elem(d, 1, elem(d, 1) - dropped)
end
