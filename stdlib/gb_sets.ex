# Erlang/OTP 25's `:gb_sets` module (general balanced trees as sets),
# written in the language.
#
# A set is OTP's term `{size, node}`, a node `{element, smaller, bigger}` or
# `nil`; elements compare with `<`/`>` (`1` and `1.0` are one element).
# Insertion rebalances as `:gb_trees` does (see stdlib/gb_trees.ex). The set
# operations work as OTP 25's: the smaller set as a sorted list, merged with
# the other's list (or looked up in its tree when that is much bigger, past
# the size where c·log(n) lookups win, c = 1.46), and the result built
# balanced from the merged list; so results have OTP's shapes node for node.
#
# Errors are OTP's: `insert/2` of an element there is the error
# `{:key_exists, element}`; `delete/2` of a missing element and
# `take_smallest/1`, `smallest/1`, ... of an empty set fail in a
# FunctionClauseError of the helper.
defmodule :gb_sets do
  @moduledoc false
  import Bitwise

  @c 1.46

  @doc "An empty set."
  def empty, do: {0, nil}

  @doc "An empty set."
  def new, do: {0, nil}

  @doc "Whether `set` is empty."
  def is_empty({0, nil}), do: true
  def is_empty(_), do: false

  @doc "The number of elements of `set`."
  def size({size, _}), do: size

  @doc "The set of one element."
  def singleton(e), do: {1, {e, nil, nil}}

  @doc "Whether `element` is in `set`."
  def is_member(e, {_, node}), do: member?(e, node)

  @doc "Whether `element` is in `set`."
  def is_element(e, {_, node}), do: member?(e, node)

  defp member?(e, {k, smaller, _}) when e < k, do: member?(e, smaller)
  defp member?(e, {k, _, bigger}) when e > k, do: member?(e, bigger)
  defp member?(_, {_, _, _}), do: true
  defp member?(_, nil), do: false

  @doc "`set` with `element` (which must not be there) added."
  def insert(e, {size, node}) do
    size = size + 1
    {size, insert_1(e, node, size * size)}
  end

  # As `:gb_trees`' insert: see stdlib/gb_trees.ex.
  defp insert_1(e, {k, smaller, bigger}, budget) when e < k do
    case insert_1(e, smaller, budget >>> 1) do
      {s1, h1, n1} when is_integer(h1) -> grown({k, s1, bigger}, h1, n1, bigger)
      s1 -> {k, s1, bigger}
    end
  end

  defp insert_1(e, {k, smaller, bigger}, budget) when e > k do
    case insert_1(e, bigger, budget >>> 1) do
      {b1, h1, n1} when is_integer(h1) -> grown({k, smaller, b1}, h1, n1, smaller)
      b1 -> {k, smaller, b1}
    end
  end

  defp insert_1(e, nil, 0), do: {{e, nil, nil}, 1, 1}
  defp insert_1(e, nil, _), do: {e, nil, nil}
  defp insert_1(e, _, _), do: :erlang.error({:key_exists, e})

  defp grown(node, h1, n1, other) do
    {h2, n2} = count(other)
    h = max(h1, h2) <<< 1
    n = n1 + n2 + 1
    if h > n * n, do: balance_node(node, n), else: {node, h, n}
  end

  defp count({_, nil, nil}), do: {1, 1}

  defp count({_, smaller, bigger}) do
    {h1, n1} = count(smaller)
    {h2, n2} = count(bigger)
    {max(h1, h2) <<< 1, n1 + n2 + 1}
  end

  defp count(nil), do: {1, 0}

  @doc "`set` rebuilt perfectly balanced."
  def balance({size, node}), do: {size, balance_node(node, size)}

  defp balance_node(node, size), do: from_sorted(to_list(node, []), size)

  # The balanced tree of a sorted list of `n` elements.
  defp from_sorted(list, n) do
    {node, []} = build(list, n)
    node
  end

  defp build(list, n) when n > 1 do
    below = n - 1
    right = div(below, 2)
    {smaller, [e | list]} = build(list, below - right)
    {bigger, list} = build(list, right)
    {{e, smaller, bigger}, list}
  end

  defp build([e | list], 1), do: {{e, nil, nil}, list}
  defp build(list, 0), do: {nil, list}

  # The balanced tree of a list sorted in descending order (the bigger
  # half is built first, from the front of the list).
  defp from_reversed(list, n) do
    {node, _} = build_rev(list, n)
    node
  end

  defp build_rev(list, n) when n > 1 do
    below = n - 1
    left = div(below, 2)
    {bigger, [e | list]} = build_rev(list, below - left)
    {smaller, list} = build_rev(list, left)
    {{e, smaller, bigger}, list}
  end

  defp build_rev([e | list], 1), do: {{e, nil, nil}, list}
  defp build_rev(list, 0), do: {nil, list}

  @doc "`set` with `element` added, if it is not there."
  def add(e, set), do: if(is_member(e, set), do: set, else: insert(e, set))

  @doc "`set` with `element` added, if it is not there."
  def add_element(e, set), do: add(e, set)

  @doc "The set of the elements of an ordset (a sorted list, no duplicates)."
  def from_ordset(list) do
    size = length(list)
    {size, from_sorted(list, size)}
  end

  @doc "The set of the elements of `list`."
  def from_list(list), do: from_ordset(:ordsets.from_list(list))

  @doc "`set` without `element`, if it is there."
  def del_element(e, set), do: delete_any(e, set)

  @doc "`set` without `element`, if it is there."
  def delete_any(e, set), do: if(is_member(e, set), do: delete(e, set), else: set)

  @doc "`set` without `element`, which must be there."
  def delete(e, {size, node}), do: {size - 1, delete_1(e, node)}

  defp delete_1(e, {k, smaller, bigger}) when e < k, do: {k, delete_1(e, smaller), bigger}
  defp delete_1(e, {k, smaller, bigger}) when e > k, do: {k, smaller, delete_1(e, bigger)}
  defp delete_1(_, {_, smaller, bigger}), do: merge(smaller, bigger)

  defp merge(smaller, nil), do: smaller
  defp merge(nil, bigger), do: bigger

  defp merge(smaller, bigger) do
    {e, bigger} = take_smallest1(bigger)
    {e, smaller, bigger}
  end

  @doc "`{smallest, rest}`."
  def take_smallest({size, node}) do
    {e, node} = take_smallest1(node)
    {e, {size - 1, node}}
  end

  defp take_smallest1({e, nil, bigger}), do: {e, bigger}

  defp take_smallest1({e, smaller, bigger}) do
    {e1, smaller} = take_smallest1(smaller)
    {e1, {e, smaller, bigger}}
  end

  @doc "The smallest element."
  def smallest({_, node}), do: smallest_1(node)

  defp smallest_1({e, nil, _}), do: e
  defp smallest_1({_, smaller, _}), do: smallest_1(smaller)

  @doc "`{largest, rest}`."
  def take_largest({size, node}) do
    {e, node} = take_largest1(node)
    {e, {size - 1, node}}
  end

  defp take_largest1({e, smaller, nil}), do: {e, smaller}

  defp take_largest1({e, smaller, bigger}) do
    {e1, bigger} = take_largest1(bigger)
    {e1, {e, smaller, bigger}}
  end

  @doc "The largest element."
  def largest({_, node}), do: largest_1(node)

  defp largest_1({e, _, nil}), do: e
  defp largest_1({_, _, bigger}), do: largest_1(bigger)

  @doc "The elements of `set`, in order."
  def to_list({_, node}), do: to_list(node, [])

  defp to_list({e, smaller, bigger}, acc), do: to_list(smaller, [e | to_list(bigger, acc)])
  defp to_list(nil, acc), do: acc

  @doc "An iterator over `set` from its smallest element (see `next/1`)."
  def iterator({_, node}), do: iterator(node, [])

  defp iterator({_, nil, _} = node, stack), do: [node | stack]
  defp iterator({_, smaller, _} = node, stack), do: iterator(smaller, [node | stack])
  defp iterator(nil, stack), do: stack

  @doc "An iterator over `set` from the first element `>= element`."
  def iterator_from(e, {_, node}), do: iterator_from(e, node, [])

  defp iterator_from(e, {k, _, bigger}, stack) when k < e, do: iterator_from(e, bigger, stack)
  defp iterator_from(_, {_, nil, _} = node, stack), do: [node | stack]
  defp iterator_from(e, {_, smaller, _} = node, stack), do: iterator_from(e, smaller, [node | stack])
  defp iterator_from(_, nil, stack), do: stack

  @doc "`{element, iterator}` for the next element, or `:none`."
  def next([{e, _, bigger} | stack]), do: {e, iterator(bigger, stack)}
  def next([]), do: :none

  # Whether looking up the `n1` elements of a list in a tree of `n2` beats
  # merging it with the tree's list.
  defp lookups_win?(n1, n2), do: n2 >= 10 and n2 >= n1 * round(@c * :math.log(n2))

  @doc "The union of two sets."
  def union({n1, t1}, {n2, t2}) when n2 < n1, do: union(to_list(t2, []), n2, t1, n1)
  def union({n1, t1}, {n2, t2}), do: union(to_list(t1, []), n1, t2, n2)

  defp union(list, n1, t2, n2) do
    if lookups_win?(n1, n2) do
      Enum.reduce(list, {n2, t2}, &add/2)
    else
      union_2(list, to_list(t2, []), [], n1 + n2)
    end
  end

  # Merges two sorted lists into a descending one; `n` counts the result.
  defp union_2([x | xs], [y | _] = ys, acc, n) when x < y, do: union_2(xs, ys, [x | acc], n)
  defp union_2([x | _] = xs, [y | ys], acc, n) when x > y, do: union_2(ys, xs, [y | acc], n)
  defp union_2([x | xs], [_ | ys], acc, n), do: union_2(xs, ys, [x | acc], n - 1)
  defp union_2([], ys, acc, n), do: {n, from_reversed(:lists.reverse(ys, acc), n)}
  defp union_2(xs, [], acc, n), do: {n, from_reversed(:lists.reverse(xs, acc), n)}

  @doc "The union of a list of sets."
  def union([set | sets]), do: Enum.reduce(sets, set, &union(&2, &1))
  def union([]), do: empty()

  @doc "The intersection of two sets."
  def intersection({n1, t1}, {n2, t2}) when n2 < n1,
    do: intersection(to_list(t2, []), n2, t1, n1)

  def intersection({n1, t1}, {n2, t2}), do: intersection(to_list(t1, []), n1, t2, n2)

  defp intersection(list, n1, t2, n2) do
    if lookups_win?(n1, n2) do
      kept = for x <- list, member?(x, t2), do: x
      n = length(kept)
      {n, from_reversed(:lists.reverse(kept), n)}
    else
      intersection_2(list, to_list(t2, []), [], 0)
    end
  end

  defp intersection_2([x | xs], [y | _] = ys, acc, n) when x < y,
    do: intersection_2(xs, ys, acc, n)

  defp intersection_2([x | _] = xs, [y | ys], acc, n) when x > y,
    do: intersection_2(ys, xs, acc, n)

  defp intersection_2([x | xs], [_ | ys], acc, n), do: intersection_2(xs, ys, [x | acc], n + 1)
  defp intersection_2([], _, acc, n), do: {n, from_reversed(acc, n)}
  defp intersection_2(_, [], acc, n), do: {n, from_reversed(acc, n)}

  @doc "The intersection of a non-empty list of sets."
  def intersection([set | sets]), do: Enum.reduce(sets, set, &intersection(&2, &1))

  @doc "Whether the two sets have no element in common."
  def is_disjoint({n1, t1}, {n2, t2}) when n1 < n2, do: disjoint?(to_list(t1, []), t2)
  def is_disjoint({_, t1}, {_, t2}), do: disjoint?(to_list(t2, []), t1)

  defp disjoint?(list, tree), do: not Enum.any?(list, &member?(&1, tree))

  @doc "The elements of `set1` not in `set2`."
  def difference({n1, t1}, {n2, t2}) do
    list = to_list(t1, [])

    if lookups_win?(n1, n2) do
      kept = for x <- list, not member?(x, t2), do: x
      n = length(kept)
      {n, from_reversed(:lists.reverse(kept), n)}
    else
      difference_2(list, to_list(t2, []), [], n1)
    end
  end

  defp difference_2([x | xs], [y | _] = ys, acc, n) when x < y,
    do: difference_2(xs, ys, [x | acc], n)

  defp difference_2([x | _] = xs, [y | ys], acc, n) when x > y, do: difference_2(xs, ys, acc, n)
  defp difference_2([_ | xs], [_ | ys], acc, n), do: difference_2(xs, ys, acc, n - 1)
  defp difference_2([], _, acc, n), do: {n, from_reversed(acc, n)}
  defp difference_2(xs, [], acc, n), do: {n, from_reversed(:lists.reverse(xs, acc), n)}

  @doc "The elements of `set1` not in `set2`."
  def subtract(set1, set2), do: difference(set1, set2)

  @doc "Whether every element of `set1` is in `set2`."
  def is_subset({n1, t1}, {n2, t2}),
    do: n1 <= n2 and Enum.all?(to_list(t1, []), &member?(&1, t2))

  @doc "Whether `term` looks like a set."
  def is_set({0, nil}), do: true
  def is_set({n, {_, _, _}}) when is_integer(n) and n >= 0, do: true
  def is_set(_), do: false

  @doc "The elements of `set` for which `pred` is true."
  def filter(pred, set), do: from_ordset(for(x <- to_list(set), pred.(x), do: x))

  @doc "`fun.(element, acc)` over `set`, in order."
  def fold(fun, acc, {_, node}) when is_function(fun, 2), do: fold_1(fun, acc, node)

  defp fold_1(fun, acc, {e, smaller, bigger}) do
    acc = fold_1(fun, acc, smaller)
    fold_1(fun, fun.(e, acc), bigger)
  end

  defp fold_1(_, acc, nil), do: acc
end
