# Erlang/OTP 25's `:array` module (functional, extendible arrays), written in
# the language.
#
# An array is OTP's record `{:array, size, max, default, elements}`: `max`
# is the capacity before the tree must grow (0 for a fixed-size array), and
# `elements` a tree of fan-out 10: a leaf is a 10-tuple of values, a node an
# 11-tuple of ten subtrees and the size of each, and a subtree never
# written is just its size (an integer), expanded on the first write into
# it. The shapes are OTP 25's, so an array prints and compares as on the
# BEAM; unset entries read as the default.
#
# Errors are OTP's: a bad index, a write past a fixed array's size, a bad
# option or a non-array is `badarg` (ArgumentError "argument error");
# `from_orddict/1,2` of a list that is not an orddict of integer keys
# fails with `{:badarg, rest}`.
defmodule :array do
  @moduledoc false

  @leaf 10

  defguardp is_array_rec(a)
            when is_tuple(a) and tuple_size(a) == 5 and elem(a, 0) == :array

  ## Creation and properties

  @doc "An empty extendible array (default `:undefined`)."
  def new, do: new([])

  @doc "An array as `opts` asks: `n` or `{:size, n}`, `:fixed`, `{:fixed, bool}`, `{:default, value}`."
  def new(opts), do: new_opts(wrap(opts), 0, false, :undefined)

  @doc "A fixed array of `size` entries, with `opts` as `new/1`'s."
  def new(size, opts), do: new_opts(wrap(opts), size, true, :undefined)

  defp wrap(opts) when is_list(opts), do: opts
  defp wrap(opt), do: [opt]

  defp new_opts([:fixed | rest], size, _, d), do: new_opts(rest, size, true, d)

  defp new_opts([{:fixed, f} | rest], size, _, d) when is_boolean(f),
    do: new_opts(rest, size, f, d)

  defp new_opts([{:default, d} | rest], size, fixed, _), do: new_opts(rest, size, fixed, d)

  defp new_opts([{:size, n} | rest], _, _, d) when is_integer(n) and n >= 0,
    do: new_opts(rest, n, true, d)

  defp new_opts([n | rest], _, _, d) when is_integer(n) and n >= 0,
    do: new_opts(rest, n, true, d)

  defp new_opts([], size, fixed, d), do: make(size, fixed, d)
  defp new_opts(_, _, _, _), do: :erlang.error(:badarg)

  defp make(0, false, :undefined), do: {:array, 0, @leaf, :undefined, @leaf}

  defp make(size, fixed, d) do
    e = find_max(size - 1, @leaf)
    {:array, size, if(fixed, do: 0, else: e), d, e}
  end

  # The capacity (10, 100, 1000, ...) that holds index `i`.
  defp find_max(i, m) when i >= m, do: find_max(i, m * 10)
  defp find_max(_, m), do: m

  @doc "Whether `term` is an array."
  def is_array({:array, size, max, _, _}) when is_integer(size) and is_integer(max), do: true
  def is_array(_), do: false

  @doc "The number of entries of `array`."
  def size({:array, n, _, _, _}), do: n
  def size(_), do: :erlang.error(:badarg)

  @doc "The value unset entries read as."
  def default({:array, _, _, d, _}), do: d
  def default(_), do: :erlang.error(:badarg)

  @doc "`array` made fixed-size."
  def fix(a) when is_array_rec(a), do: put_elem(a, 2, 0)

  @doc "Whether `array` is fixed-size."
  def is_fix({:array, _, 0, _, _}), do: true
  def is_fix({:array, _, _, _, _}), do: false

  @doc "`array` made extendible."
  def relax({:array, n, _, _, _} = a), do: put_elem(a, 2, find_max(n - 1, @leaf))

  @doc "`array` with `size` entries (entries past it are forgotten, not freed)."
  def resize(size, {:array, n, m, _, e} = a) when is_integer(size) and size >= 0 do
    cond do
      size > n ->
        {e1, m1} = grow(size - 1, e, if(m > 0, do: m, else: find_max(n - 1, @leaf)))
        {:array, size, if(m > 0, do: m1, else: m), elem(a, 3), e1}

      size < n ->
        put_elem(a, 1, size)

      true ->
        a
    end
  end

  def resize(_, _), do: :erlang.error(:badarg)

  @doc "`array` resized to its `sparse_size/1`."
  def resize(a), do: resize(sparse_size(a), a)

  ## Reading and writing entries

  @doc "`array` with entry `i` set to `value` (an extendible array grows)."
  def set(i, value, {:array, n, m, d, e} = a) when is_integer(i) and i >= 0 do
    cond do
      i < n ->
        put_elem(a, 4, set_1(i, e, value, d))

      i < m ->
        {:array, i + 1, m, d, set_1(i, e, value, d)}

      m > 0 ->
        {e1, m1} = grow(i, e, m)
        {:array, i + 1, m1, d, set_1(i, e1, value, d)}

      true ->
        :erlang.error(:badarg)
    end
  end

  def set(_, _, _), do: :erlang.error(:badarg)

  defp set_1(i, e, x, d) when tuple_size(e) == @leaf + 1 do
    s = elem(e, @leaf)
    k = div(i, s)
    put_elem(e, k, set_1(rem(i, s), elem(e, k), x, d))
  end

  defp set_1(i, e, x, d) when is_integer(e), do: expand(i, e, x, d)
  defp set_1(i, e, x, _d), do: put_elem(e, i, x)

  # Writes into a subtree of size `s` never written: only the path to `i`
  # is built.
  defp expand(i, s, x, d) when s > @leaf do
    s1 = div(s, 10)
    put_elem(new_node(s1), div(i, s1), expand(rem(i, s1), s1, x, d))
  end

  defp expand(i, _s, x, d), do: put_elem(:erlang.make_tuple(@leaf, d), i, x)

  defp new_node(s), do: :erlang.make_tuple(@leaf + 1, s)

  # Grows the tree until index `i` fits: the old tree becomes the first
  # child of a node ten times its size.
  defp grow(i, e, _m) when is_integer(e) do
    m1 = find_max(i, e)
    {m1, m1}
  end

  defp grow(i, e, m) when i >= m, do: grow(i, put_elem(new_node(m), 0, e), m * 10)
  defp grow(_, e, m), do: {e, m}

  @doc "The value of entry `i` (the default if unset, or past an extendible array's end)."
  def get(i, {:array, n, m, d, e}) when is_integer(i) and i >= 0 do
    cond do
      i < n -> get_1(i, e, d)
      m > 0 -> d
      true -> :erlang.error(:badarg)
    end
  end

  def get(_, _), do: :erlang.error(:badarg)

  defp get_1(i, e, d) when tuple_size(e) == @leaf + 1 do
    s = elem(e, @leaf)
    get_1(rem(i, s), elem(e, div(i, s)), d)
  end

  defp get_1(_, e, d) when is_integer(e), do: d
  defp get_1(i, e, _), do: elem(e, i)

  @doc "`array` with entry `i` back to the default."
  def reset(i, {:array, n, m, d, e} = a) when is_integer(i) and i >= 0 do
    cond do
      i < n ->
        case reset_1(i, e, d) do
          :unchanged -> a
          e -> put_elem(a, 4, e)
        end

      m > 0 ->
        a

      true ->
        :erlang.error(:badarg)
    end
  end

  def reset(_, _), do: :erlang.error(:badarg)

  defp reset_1(i, e, d) when tuple_size(e) == @leaf + 1 do
    s = elem(e, @leaf)
    k = div(i, s)

    case reset_1(rem(i, s), elem(e, k), d) do
      :unchanged -> :unchanged
      child -> put_elem(e, k, child)
    end
  end

  defp reset_1(_, e, _) when is_integer(e), do: :unchanged

  defp reset_1(i, e, d) do
    if elem(e, i) === d, do: :unchanged, else: put_elem(e, i, d)
  end

  ## Conversions

  # The values of entries 0..n-1, in order.
  defp values({:array, n, _, d, e}) when is_integer(n) do
    e |> flatten(d, []) |> Enum.take(n)
  end

  defp values(_), do: :erlang.error(:badarg)

  defp flatten(e, d, acc) when tuple_size(e) == @leaf + 1 do
    Enum.reduce(@leaf..1//-1, acc, fn k, acc -> flatten(elem(e, k - 1), d, acc) end)
  end

  defp flatten(e, d, acc) when is_integer(e), do: push(e, d, acc)
  defp flatten(e, _d, acc), do: Tuple.to_list(e) ++ acc

  defp push(0, _, acc), do: acc
  defp push(n, x, acc), do: push(n - 1, x, [x | acc])

  @doc "The values of all entries, in order."
  def to_list(a), do: values(a)

  @doc "The values of the entries that are not the default, in order."
  def sparse_to_list({:array, _, _, d, _} = a), do: for(v <- values(a), v !== d, do: v)
  def sparse_to_list(_), do: :erlang.error(:badarg)

  @doc "`[{index, value}]` of all entries."
  def to_orddict(a), do: a |> values() |> Enum.with_index() |> Enum.map(fn {v, i} -> {i, v} end)

  @doc "`[{index, value}]` of the entries that are not the default."
  def sparse_to_orddict({:array, _, _, d, _} = a) do
    for {v, i} <- Enum.with_index(values(a)), v !== d, do: {i, v}
  end

  def sparse_to_orddict(_), do: :erlang.error(:badarg)

  @doc "The extendible array of the values of `list`, default `:undefined`."
  def from_list(list), do: from_list(list, :undefined)

  @doc "The extendible array of the values of `list`."
  def from_list([], d), do: new({:default, d})

  def from_list(list, d) when is_list(list) do
    {leaves, n} = chunk_leaves(list, d, [], 0)
    {e, m} = build_tree(leaves, n)
    {:array, n, m, d, e}
  end

  def from_list(_, _), do: :erlang.error(:badarg)

  # The list cut into leaves, the last one padded with the default.
  defp chunk_leaves([], _d, leaves, n), do: {:lists.reverse(leaves), n}

  defp chunk_leaves(list, d, leaves, n) do
    {leaf, rest, k} = take_leaf(list, d, @leaf, [], 0)
    chunk_leaves(rest, d, [List.to_tuple(leaf) | leaves], n + k)
  end

  defp take_leaf(rest, _d, 0, acc, k), do: {:lists.reverse(acc), rest, k}
  defp take_leaf([x | rest], d, i, acc, k), do: take_leaf(rest, d, i - 1, [x | acc], k + 1)
  defp take_leaf([], d, i, acc, k), do: take_leaf([], d, i - 1, [d | acc], k)
  defp take_leaf(_, _, _, _, _), do: :erlang.error(:badarg)

  # The tree of consecutive subtrees of size 10 (leaves) padded with
  # unwritten ones, grouped by ten level by level; and its capacity.
  defp build_tree([leaf], _n), do: {leaf, @leaf}
  defp build_tree(children, _n), do: build_level(children, @leaf)

  defp build_level(children, s) do
    nodes =
      children
      |> Enum.chunk_every(10, 10, Stream.repeatedly(fn -> s end))
      |> Enum.map(fn group -> List.to_tuple(group ++ [s]) end)

    case nodes do
      [node] -> {node, s * 10}
      _ -> build_level(nodes, s * 10)
    end
  end

  @doc "The extendible array of an orddict of integer keys, default `:undefined`."
  def from_orddict(list), do: from_orddict(list, :undefined)

  @doc "The extendible array of an orddict of integer keys (only the leaves written are built)."
  def from_orddict([], d), do: new({:default, d})

  def from_orddict(list, d) when is_list(list) do
    {leaves, n} = orddict_leaves(list, 0, d, %{}, 0)
    m = find_max(n - 1, @leaf)

    e =
      if m == @leaf,
        do: Map.get(leaves, 0, @leaf),
        else: subtree(leaves, 0, m, true)

    {:array, n, m, d, e}
  end

  def from_orddict(_, _), do: :erlang.error(:badarg)

  # Scans the pairs leaf by leaf from `p`: a leaf is built where a pair
  # falls in it or in the next one; before a pair further on, the leaves
  # between stay unwritten.
  defp orddict_leaves([], _p, _d, leaves, n), do: {leaves, n}

  defp orddict_leaves([{i, _} | _] = xs, p, d, leaves, n) when is_integer(i) and i > p + @leaf,
    do: orddict_leaves(xs, i - rem(i, @leaf), d, leaves, n)

  defp orddict_leaves([{_, _} | _] = xs, p, d, leaves, n) do
    {values, xs, n} = fill_leaf(xs, p, p + @leaf, d, [], n)
    orddict_leaves(xs, p + @leaf, d, Map.put(leaves, div(p, @leaf), List.to_tuple(values)), n)
  end

  defp orddict_leaves(xs, _, _, _, _), do: :erlang.error({:badarg, xs})

  defp fill_leaf(xs, max, max, _d, acc, n), do: {:lists.reverse(acc), xs, n}

  defp fill_leaf(xs, i, max, d, acc, n) do
    case xs do
      [{^i, v} | rest] -> fill_leaf(rest, i + 1, max, d, [v | acc], i + 1)
      [{j, _} | _] when is_integer(j) and j > i -> fill_leaf(xs, i + 1, max, d, [d | acc], n)
      [_ | _] -> :erlang.error({:badarg, xs})
      _ -> fill_leaf(xs, i + 1, max, d, [d | acc], n)
    end
  end

  # The subtree of size `s` starting at entry `start`: its size when no
  # leaf in it was built (the top is always a node).
  defp subtree(leaves, start, @leaf, _top), do: Map.get(leaves, div(start, @leaf), @leaf)

  defp subtree(leaves, start, s, top) do
    c = div(s, 10)
    children = for k <- 0..9, do: subtree(leaves, start + k * c, c, false)

    if not top and Enum.all?(children, &is_integer/1),
      do: s,
      else: List.to_tuple(children ++ [c])
  end

  ## Mapping and folding

  @doc "`array` with each entry's value replaced by `fun.(index, value)`, left to right."
  def map(fun, {:array, n, _, d, e} = a) when is_function(fun, 2) do
    if n > 0, do: put_elem(a, 4, map_1(n - 1, e, 0, fun, d)), else: a
  end

  def map(_, _), do: :erlang.error(:badarg)

  # Every subtree up to entry `last` is written out; leaf slots past it
  # become the default.
  defp map_1(last, e, ix, f, d) when tuple_size(e) == @leaf + 1 do
    s = elem(e, @leaf)
    upto = div(last, s)

    children =
      for k <- 0..9 do
        cond do
          k < upto -> map_1(s - 1, elem(e, k), ix + k * s, f, d)
          k == upto -> map_1(rem(last, s), elem(e, k), ix + k * s, f, d)
          true -> elem(e, k)
        end
      end

    List.to_tuple(children ++ [s])
  end

  defp map_1(last, e, ix, f, d) when is_integer(e), do: map_1(last, unfold(e, d), ix, f, d)

  defp map_1(last, e, ix, f, d) do
    List.to_tuple(for k <- 0..9, do: if(k <= last, do: f.(ix + k, elem(e, k)), else: d))
  end

  defp unfold(s, _d) when s > @leaf, do: new_node(div(s, 10))
  defp unfold(_s, d), do: :erlang.make_tuple(@leaf, d)

  @doc "`array` with each value that is not the default replaced by `fun.(index, value)`."
  def sparse_map(fun, {:array, n, _, d, e} = a) when is_function(fun, 2) do
    if n > 0, do: put_elem(a, 4, sparse_map_1(n - 1, e, 0, fun, d)), else: a
  end

  def sparse_map(_, _), do: :erlang.error(:badarg)

  defp sparse_map_1(last, e, ix, f, d) when tuple_size(e) == @leaf + 1 do
    s = elem(e, @leaf)
    upto = div(last, s)

    children =
      for k <- 0..9 do
        cond do
          k < upto -> sparse_map_1(s - 1, elem(e, k), ix + k * s, f, d)
          k == upto -> sparse_map_1(rem(last, s), elem(e, k), ix + k * s, f, d)
          true -> elem(e, k)
        end
      end

    List.to_tuple(children ++ [s])
  end

  defp sparse_map_1(_, e, _, _, _) when is_integer(e), do: e

  defp sparse_map_1(_, e, ix, f, d) do
    List.to_tuple(
      for k <- 0..9 do
        v = elem(e, k)
        if v === d, do: d, else: f.(ix + k, v)
      end
    )
  end

  @doc "`fun.(index, value, acc)` over the entries, first to last."
  def foldl(fun, acc, a) when is_function(fun, 3) and is_array_rec(a),
    do: fold_pairs(fun, acc, to_orddict(a))

  def foldl(_, _, _), do: :erlang.error(:badarg)

  @doc "`fun.(index, value, acc)` over the entries that are not the default, first to last."
  def sparse_foldl(fun, acc, a) when is_function(fun, 3) and is_array_rec(a),
    do: fold_pairs(fun, acc, sparse_to_orddict(a))

  def sparse_foldl(_, _, _), do: :erlang.error(:badarg)

  @doc "`fun.(index, value, acc)` over the entries, last to first."
  def foldr(fun, acc, a) when is_function(fun, 3) and is_array_rec(a),
    do: fold_pairs(fun, acc, :lists.reverse(to_orddict(a)))

  def foldr(_, _, _), do: :erlang.error(:badarg)

  @doc "`fun.(index, value, acc)` over the entries that are not the default, last to first."
  def sparse_foldr(fun, acc, a) when is_function(fun, 3) and is_array_rec(a),
    do: fold_pairs(fun, acc, :lists.reverse(sparse_to_orddict(a)))

  def sparse_foldr(_, _, _), do: :erlang.error(:badarg)

  defp fold_pairs(fun, acc, pairs),
    do: :lists.foldl(fn {i, v}, acc -> fun.(i, v, acc) end, acc, pairs)

  @doc "One past the last entry that is not the default (0 if none)."
  def sparse_size(a) do
    case sparse_to_orddict(a) do
      [] -> 0
      pairs -> elem(List.last(pairs), 0) + 1
    end
  end
end
