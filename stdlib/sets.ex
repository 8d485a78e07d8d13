# Erlang/OTP 25's `:sets` module, written in the language: both versions.
#
# Version 2 (`new(version: 2)`, `from_list(l, version: 2)`) is a map from
# each element to `[]`. Version 1, the default, is OTP's linear hash table:
# the record `{:set, size, n, maxn, bso, exp_size, con_size, empty, segs}`
# with buckets in segments of 16, picked by `:erlang.phash/2`; it grows by
# one bucket (splitting its buddy) when the size passes 5 per bucket and
# shrinks when it falls under 3. The buckets, their order and the record's
# fields are OTP 25's, so `to_list/1` and `fold/3` go through the elements
# in OTP's order and a set prints as on the BEAM. Elements compare with
# `===` (`1` and `1.0` are two elements).
#
# A version-1 set given where a version-2 one is taken (or the reverse)
# works through the generic paths, as in OTP; anything else fails where
# OTP's fails (a FunctionClauseError or a bad record).
defmodule :sets do
  @moduledoc false

  @seg_size 16
  @expand_load 5
  @contract_load 3
  @empty_seg {[], [], [], [], [], [], [], [], [], [], [], [], [], [], [], []}

  defguardp is_v1(s) when is_tuple(s) and tuple_size(s) == 9 and elem(s, 0) == :set

  @doc "An empty set (version 1)."
  def new do
    {:set, 0, @seg_size, @seg_size, div(@seg_size, 2), @seg_size * @expand_load,
     @seg_size * @contract_load, @empty_seg, {@empty_seg}}
  end

  @doc "An empty set of the version `opts` asks for (`version: 1` or `2`)."
  def new([{:version, 2}]), do: %{}

  def new(opts) do
    case :proplists.get_value(:version, opts, 1) do
      1 -> new()
      2 -> new([{:version, 2}])
    end
  end

  @doc "The set (version 1) of the elements of `list`."
  def from_list(list), do: :lists.foldl(fn e, s -> add_element(e, s) end, new(), list)

  @doc "The set of the elements of `list`, of the version `opts` asks for."
  def from_list(list, [{:version, 2}]), do: Map.from_keys(list, [])

  def from_list(list, opts) do
    case :proplists.get_value(:version, opts, 1) do
      1 -> from_list(list)
      2 -> from_list(list, [{:version, 2}])
    end
  end

  @doc "Whether `term` is a set (of either version)."
  def is_set(%{}), do: true
  def is_set(s) when is_v1(s), do: true
  def is_set(_), do: false

  @doc "The number of elements of `set`."
  def size(%{} = s), do: map_size(s)
  def size({:set, size, _, _, _, _, _, _, _}), do: size

  @doc "Whether `set` is empty."
  def is_empty(%{} = s), do: map_size(s) == 0
  def is_empty({:set, size, _, _, _, _, _, _, _}), do: size == 0

  @doc "The elements of `set` (in OTP's order for version 1)."
  def to_list(%{} = s), do: :maps.keys(s)
  def to_list(s) when is_v1(s), do: fold(&[&1 | &2], [], s)

  @doc "Whether `element` is in `set`."
  def is_element(e, %{} = s), do: is_map_key(s, e)

  def is_element(e, s) when is_v1(s) do
    :lists.member(e, bucket(s, slot(s, e)))
  end

  @doc "`set` with `element` added."
  def add_element(e, %{} = s), do: Map.put(s, e, [])

  def add_element(e, s) when is_v1(s) do
    slot = slot(s, e)
    bucket = bucket(s, slot)

    if :lists.member(e, bucket) do
      s
    else
      s |> put_bucket(slot, [e | bucket]) |> maybe_expand()
    end
  end

  @doc "`set` without `element`."
  def del_element(e, %{} = s), do: Map.delete(s, e)

  def del_element(e, s) when is_v1(s) do
    slot = slot(s, e)
    bucket = bucket(s, slot)

    if :lists.member(e, bucket) do
      s |> put_bucket(slot, :lists.delete(e, bucket)) |> maybe_contract(1)
    else
      s
    end
  end

  @doc "The union of two sets."
  def union(%{} = s1, %{} = s2), do: Map.merge(s1, s2)

  def union(s1, s2) do
    if size(s1) < size(s2),
      do: fold(&add_element/2, s2, s1),
      else: fold(&add_element/2, s1, s2)
  end

  @doc "The union of a list of sets."
  def union([s1, s2 | rest]), do: union_all(union(s1, s2), rest)
  def union([s]), do: s
  def union([]), do: new()

  defp union_all(acc, [s | rest]), do: union_all(union(acc, s), rest)
  defp union_all(acc, []), do: acc

  @doc "The intersection of two sets."
  def intersection(%{} = s1, %{} = s2) do
    if map_size(s1) < map_size(s2),
      do: Map.filter(s1, fn {e, _} -> is_map_key(s2, e) end),
      else: Map.filter(s2, fn {e, _} -> is_map_key(s1, e) end)
  end

  def intersection(s1, s2) do
    if size(s1) < size(s2),
      do: filter(&is_element(&1, s2), s1),
      else: filter(&is_element(&1, s1), s2)
  end

  @doc "The intersection of a non-empty list of sets."
  def intersection([s1, s2 | rest]), do: intersection_all(intersection(s1, s2), rest)
  def intersection([s]), do: s

  defp intersection_all(acc, [s | rest]), do: intersection_all(intersection(acc, s), rest)
  defp intersection_all(acc, []), do: acc

  @doc "Whether the two sets have no element in common."
  def is_disjoint(s1, s2) do
    {small, big} = if size(s1) < size(s2), do: {s1, s2}, else: {s2, s1}
    fold(fn e, acc -> acc and not is_element(e, big) end, true, small)
  end

  @doc "The elements of `set1` not in `set2`."
  def subtract(%{} = s1, %{} = s2), do: Map.filter(s1, fn {e, _} -> not is_map_key(s2, e) end)
  def subtract(s1, s2), do: filter(&(not is_element(&1, s2)), s1)

  @doc "Whether every element of `set1` is in `set2`."
  def is_subset(s1, s2), do: fold(fn e, acc -> acc and is_element(e, s2) end, true, s1)

  @doc "`fun.(element, acc)` over `set` (in OTP's order for version 1)."
  def fold(fun, acc, %{} = s) when is_function(fun, 2),
    do: :lists.foldl(fn e, acc -> fun.(e, acc) end, acc, :maps.keys(s))

  def fold(fun, acc, {:set, _, _, _, _, _, _, _, segs}) when is_function(fun, 2),
    do: fold_segs(fun, acc, segs, tuple_size(segs))

  defp fold_segs(fun, acc, segs, i) when i >= 1 do
    seg = elem(segs, i - 1)
    fold_segs(fun, fold_seg(fun, acc, seg, tuple_size(seg)), segs, i - 1)
  end

  defp fold_segs(_, acc, _, _), do: acc

  defp fold_seg(fun, acc, seg, i) when i >= 1,
    do: fold_seg(fun, :lists.foldl(fun, acc, elem(seg, i - 1)), seg, i - 1)

  defp fold_seg(_, acc, _, _), do: acc

  @doc "The elements of `set` for which `pred` is true."
  def filter(pred, %{} = s) when is_function(pred, 1),
    do: Map.filter(s, fn {e, _} -> pred.(e) end)

  def filter(pred, {:set, _, _, _, _, _, _, _, segs} = s) when is_function(pred, 1) do
    {segs, dropped} =
      segs
      |> Tuple.to_list()
      |> Enum.map_reduce(0, fn seg, dropped ->
        {buckets, dropped} =
          seg |> Tuple.to_list() |> Enum.map_reduce(dropped, &filter_bucket(pred, &1, [], &2))

        {List.to_tuple(buckets), dropped}
      end)

    maybe_contract(put_elem(s, 8, List.to_tuple(segs)), dropped)
  end

  # The kept elements come out reversed, as in OTP.
  defp filter_bucket(pred, [e | rest], kept, dropped) do
    case pred.(e) do
      true -> filter_bucket(pred, rest, [e | kept], dropped)
      false -> filter_bucket(pred, rest, kept, dropped + 1)
    end
  end

  defp filter_bucket(_, [], kept, dropped), do: {kept, dropped}

  ## The linear hash table (version 1)

  defp slot({:set, _, n, maxn, bso, _, _, _, _}, e) do
    h = :erlang.phash(e, maxn)
    if h > n, do: h - bso, else: h
  end

  defp bucket({:set, _, _, _, _, _, _, _, segs}, slot), do: get_bucket(segs, slot)

  defp get_bucket(segs, slot) do
    elem(elem(segs, div(slot - 1, @seg_size)), rem(slot - 1, @seg_size))
  end

  defp put_bucket(s, slot, bucket), do: put_elem(s, 8, set_bucket(elem(s, 8), slot, bucket))

  defp set_bucket(segs, slot, bucket) do
    si = div(slot - 1, @seg_size)
    put_elem(segs, si, put_elem(elem(segs, si), rem(slot - 1, @seg_size), bucket))
  end

  # One more element; past the load, one more bucket: the buddy of the new
  # slot splits its elements between the two.
  defp maybe_expand({:set, size, n, maxn, bso, exp, con, empty, segs}) when size + 1 > exp do
    {maxn, bso, segs} =
      if n == maxn, do: {2 * maxn, 2 * bso, grow_segs(segs, empty)}, else: {maxn, bso, segs}

    n = n + 1
    slot1 = n - bso
    {b1, b2} = rehash(get_bucket(segs, slot1), slot1, n, maxn)
    segs = segs |> set_bucket(slot1, b1) |> set_bucket(n, b2)
    {:set, size + 1, n, maxn, bso, n * @expand_load, n * @contract_load, empty, segs}
  end

  defp maybe_expand(s), do: put_elem(s, 1, elem(s, 1) + 1)

  defp rehash([e | rest], slot1, slot2, maxn) do
    {l1, l2} = rehash(rest, slot1, slot2, maxn)

    case :erlang.phash(e, maxn) do
      ^slot1 -> {[e | l1], l2}
      ^slot2 -> {l1, [e | l2]}
    end
  end

  defp rehash([], _, _, _), do: {[], []}

  defp grow_segs(segs, empty) do
    List.to_tuple(Tuple.to_list(segs) ++ List.duplicate(empty, tuple_size(segs)))
  end

  # `dropped` fewer elements; under the load, one bucket fewer: the last
  # one joins its buddy.
  defp maybe_contract({:set, size, n, maxn, bso, _, con, empty, segs}, dropped)
       when size - dropped < con and n > @seg_size do
    slot1 = n - bso
    merged = get_bucket(segs, slot1) ++ get_bucket(segs, n)
    segs = segs |> set_bucket(slot1, merged) |> set_bucket(n, [])
    n = n - 1
    s = {:set, size - dropped, n, maxn, bso, n * @expand_load, n * @contract_load, empty, segs}

    if n == bso do
      half = div(tuple_size(segs), 2)
      segs = segs |> Tuple.to_list() |> Enum.take(max(half, 1)) |> List.to_tuple()
      {:set, size - dropped, n, div(maxn, 2), div(bso, 2), n * @expand_load, n * @contract_load,
       empty, segs}
    else
      s
    end
  end

  defp maybe_contract(s, dropped), do: put_elem(s, 1, elem(s, 1) - dropped)
end
