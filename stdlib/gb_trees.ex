# Erlang/OTP 25's `:gb_trees` module (general balanced trees, Arne
# Andersson's), written in the language.
#
# A tree is OTP's term `{size, node}`, a node `{key, value, smaller, bigger}`
# or `nil`. Keys compare with `<`/`>` (so `1` and `1.0` are one key). The
# tree is not rebalanced on every change: an insertion that leaves a path
# longer than about c·log2(size) (c = 2) rebuilds the subtree where that
# happens, deletions never rebalance. The shapes are OTP 25's node for node,
# so a tree prints and compares as on the BEAM.
#
# Errors are OTP's: inserting a key that is there is the error
# `{:key_exists, key}`; `get/2`, `update/3`, `delete/2`, `take/2` of a
# missing key and `take_smallest/1`, `smallest/1`, ... of an empty tree
# fail in a FunctionClauseError of the helper, as OTP's do.
defmodule :gb_trees do
  @moduledoc false
  import Bitwise

  @doc "An empty tree."
  def empty, do: {0, nil}

  @doc "Whether `tree` is empty."
  def is_empty({0, nil}), do: true
  def is_empty(_), do: false

  @doc "The number of keys of `tree`."
  def size({size, _}) when is_integer(size) and size >= 0, do: size

  @doc "`{:value, value}` for `key`, or `:none`."
  def lookup(key, {_, node}), do: lookup_1(key, node)

  defp lookup_1(key, {k, _, smaller, _}) when key < k, do: lookup_1(key, smaller)
  defp lookup_1(key, {k, _, _, bigger}) when key > k, do: lookup_1(key, bigger)
  defp lookup_1(_, {_, value, _, _}), do: {:value, value}
  defp lookup_1(_, nil), do: :none

  @doc "Whether `key` is in `tree`."
  def is_defined(key, {_, node}), do: is_defined_1(key, node)

  defp is_defined_1(key, {k, _, smaller, _}) when key < k, do: is_defined_1(key, smaller)
  defp is_defined_1(key, {k, _, _, bigger}) when key > k, do: is_defined_1(key, bigger)
  defp is_defined_1(_, {_, _, _, _}), do: true
  defp is_defined_1(_, nil), do: false

  @doc "The value of `key`, which must be in `tree`."
  def get(key, {_, node}), do: get_1(key, node)

  defp get_1(key, {k, _, smaller, _}) when key < k, do: get_1(key, smaller)
  defp get_1(key, {k, _, _, bigger}) when key > k, do: get_1(key, bigger)
  defp get_1(_, {_, value, _, _}), do: value

  @doc "`tree` with the value of `key` (which must be there) set to `value`."
  def update(key, value, {size, node}), do: {size, update_1(key, value, node)}

  defp update_1(key, value, {k, v, smaller, bigger}) when key < k,
    do: {k, v, update_1(key, value, smaller), bigger}

  defp update_1(key, value, {k, v, smaller, bigger}) when key > k,
    do: {k, v, smaller, update_1(key, value, bigger)}

  defp update_1(key, value, {_, _, smaller, bigger}), do: {key, value, smaller, bigger}

  @doc "`tree` with `key` (which must not be there) set to `value`."
  def insert(key, value, {size, node}) when is_integer(size) and size >= 0 do
    size = size + 1
    {size, insert_1(key, value, node, size * size)}
  end

  # `budget` is the square of the size the subtree may have for its height
  # to be acceptable; a new leaf that finds it exhausted starts counting
  # the path's heights and sizes back up (a `{node, height, size}` answer),
  # and the first node found too high for its size is rebuilt balanced.
  defp insert_1(key, value, {k, v, smaller, bigger}, budget) when key < k do
    case insert_1(key, value, smaller, budget >>> 1) do
      {s1, h1, n1} ->
        grown({k, v, s1, bigger}, h1, n1, bigger)

      s1 ->
        {k, v, s1, bigger}
    end
  end

  defp insert_1(key, value, {k, v, smaller, bigger}, budget) when key > k do
    case insert_1(key, value, bigger, budget >>> 1) do
      {b1, h1, n1} ->
        grown({k, v, smaller, b1}, h1, n1, smaller)

      b1 ->
        {k, v, smaller, b1}
    end
  end

  defp insert_1(key, value, nil, 0), do: {{key, value, nil, nil}, 1, 1}
  defp insert_1(key, value, nil, _), do: {key, value, nil, nil}
  defp insert_1(key, _, _, _), do: :erlang.error({:key_exists, key})

  # `node` got a child of height `h1` and size `n1`; `other` is its other child.
  defp grown(node, h1, n1, other) do
    {h2, n2} = count(other)
    h = max(h1, h2) <<< 1
    n = n1 + n2 + 1

    if h > n * n do
      balance_node(node, n)
    else
      {node, h, n}
    end
  end

  # The height (as a power of two) and the size of a subtree.
  defp count({_, _, nil, nil}), do: {1, 1}

  defp count({_, _, smaller, bigger}) do
    {h1, n1} = count(smaller)
    {h2, n2} = count(bigger)
    {max(h1, h2) <<< 1, n1 + n2 + 1}
  end

  defp count(nil), do: {1, 0}

  @doc "`tree` rebuilt perfectly balanced."
  def balance({size, node}), do: {size, balance_node(node, size)}

  defp balance_node(node, size), do: from_pairs(to_list_1(node), size)

  defp from_pairs(pairs, size) do
    {node, []} = build(pairs, size)
    node
  end

  # The balanced tree of the first `n` pairs, and the pairs left over.
  defp build(pairs, n) when n > 1 do
    below = n - 1
    right = div(below, 2)
    left = below - right
    {smaller, [{k, v} | pairs]} = build(pairs, left)
    {bigger, pairs} = build(pairs, right)
    {{k, v, smaller, bigger}, pairs}
  end

  defp build([{k, v} | pairs], 1), do: {{k, v, nil, nil}, pairs}
  defp build(pairs, 0), do: {nil, pairs}

  @doc "`tree` with `key` set to `value`, there or not."
  def enter(key, value, tree) do
    if is_defined(key, tree), do: update(key, value, tree), else: insert(key, value, tree)
  end

  @doc "The tree of an orddict (a sorted list of pairs, keys unique)."
  def from_orddict(list) do
    size = length(list)
    {size, from_pairs(list, size)}
  end

  @doc "`tree` without `key`, which must be there."
  def delete(key, {size, node}) when is_integer(size) and size >= 0,
    do: {size - 1, delete_1(key, node)}

  defp delete_1(key, {k, v, smaller, bigger}) when key < k,
    do: {k, v, delete_1(key, smaller), bigger}

  defp delete_1(key, {k, v, smaller, bigger}) when key > k,
    do: {k, v, smaller, delete_1(key, bigger)}

  defp delete_1(_, {_, _, smaller, bigger}), do: merge(smaller, bigger)

  defp merge(smaller, nil), do: smaller
  defp merge(nil, bigger), do: bigger

  defp merge(smaller, bigger) do
    {k, v, bigger} = take_smallest1(bigger)
    {k, v, smaller, bigger}
  end

  @doc "`tree` without `key`, if it is there."
  def delete_any(key, tree) do
    if is_defined(key, tree), do: delete(key, tree), else: tree
  end

  @doc "`{value, tree without key}`; `key` must be there."
  def take(key, {size, node}) when is_integer(size) and size >= 0 do
    {value, node} = take_1(key, node)
    {value, {size - 1, node}}
  end

  defp take_1(key, {k, v, smaller, bigger}) when key < k do
    {value, smaller} = take_1(key, smaller)
    {value, {k, v, smaller, bigger}}
  end

  defp take_1(key, {k, v, smaller, bigger}) when key > k do
    {value, bigger} = take_1(key, bigger)
    {value, {k, v, smaller, bigger}}
  end

  defp take_1(_, {_, value, smaller, bigger}), do: {value, merge(smaller, bigger)}

  @doc "`{value, tree without key}`, or `:error` when `key` is not there."
  def take_any(key, tree) do
    if is_defined(key, tree), do: take(key, tree), else: :error
  end

  @doc "`{key, value, rest}` for the smallest key."
  def take_smallest({size, node}) when is_integer(size) and size >= 0 do
    {k, v, node} = take_smallest1(node)
    {k, v, {size - 1, node}}
  end

  defp take_smallest1({k, v, nil, bigger}), do: {k, v, bigger}

  defp take_smallest1({k, v, smaller, bigger}) do
    {k1, v1, smaller} = take_smallest1(smaller)
    {k1, v1, {k, v, smaller, bigger}}
  end

  @doc "`{key, value}` of the smallest key."
  def smallest({_, node}), do: smallest_1(node)

  defp smallest_1({k, v, nil, _}), do: {k, v}
  defp smallest_1({_, _, smaller, _}), do: smallest_1(smaller)

  @doc "`{key, value, rest}` for the largest key."
  def take_largest({size, node}) when is_integer(size) and size >= 0 do
    {k, v, node} = take_largest1(node)
    {k, v, {size - 1, node}}
  end

  defp take_largest1({k, v, smaller, nil}), do: {k, v, smaller}

  defp take_largest1({k, v, smaller, bigger}) do
    {k1, v1, bigger} = take_largest1(bigger)
    {k1, v1, {k, v, smaller, bigger}}
  end

  @doc "`{key, value}` of the largest key."
  def largest({_, node}), do: largest_1(node)

  defp largest_1({k, v, _, nil}), do: {k, v}
  defp largest_1({_, _, _, bigger}), do: largest_1(bigger)

  @doc "The `{key, value}` pairs of `tree`, by key."
  def to_list({_, node}), do: to_list_1(node)

  defp to_list_1(node), do: to_list(node, [])

  defp to_list({k, v, smaller, bigger}, acc), do: to_list(smaller, [{k, v} | to_list(bigger, acc)])
  defp to_list(nil, acc), do: acc

  @doc "The keys of `tree`, in order."
  def keys({_, node}), do: keys(node, [])

  defp keys({k, _, smaller, bigger}, acc), do: keys(smaller, [k | keys(bigger, acc)])
  defp keys(nil, acc), do: acc

  @doc "The values of `tree`, by key."
  def values({_, node}), do: values(node, [])

  defp values({_, v, smaller, bigger}, acc), do: values(smaller, [v | values(bigger, acc)])
  defp values(nil, acc), do: acc

  @doc "`tree` with each value replaced by `fun.(key, value)`."
  def map(fun, {size, node}) when is_function(fun, 2), do: {size, map_1(fun, node)}

  defp map_1(fun, {k, v, smaller, bigger}),
    do: {k, fun.(k, v), map_1(fun, smaller), map_1(fun, bigger)}

  defp map_1(_, nil), do: nil

  @doc "An iterator over `tree` from its smallest key (see `next/1`)."
  def iterator({_, node}), do: iterator_1(node, [])

  # The path of nodes to the smallest key of `node`, pushed on `stack`.
  defp iterator_1({_, _, nil, _} = node, stack), do: [node | stack]
  defp iterator_1({_, _, smaller, _} = node, stack), do: iterator_1(smaller, [node | stack])
  defp iterator_1(nil, stack), do: stack

  @doc "An iterator over `tree` from the first key `>= key`."
  def iterator_from(key, {_, node}), do: iterator_from_1(key, node, [])

  defp iterator_from_1(key, {k, _, _, bigger}, stack) when k < key,
    do: iterator_from_1(key, bigger, stack)

  defp iterator_from_1(_, {_, _, nil, _} = node, stack), do: [node | stack]

  defp iterator_from_1(key, {_, _, smaller, _} = node, stack),
    do: iterator_from_1(key, smaller, [node | stack])

  defp iterator_from_1(_, nil, stack), do: stack

  @doc "`{key, value, iterator}` for the next key, or `:none`."
  def next([{k, v, _, bigger} | stack]), do: {k, v, iterator_1(bigger, stack)}
  def next([]), do: :none
end
