# Erlang/OTP 25's `:ordsets` module, written in the language.
#
# An ordset is a plain list, strictly ascending in term order, with no two
# elements equal by `==` (so `1` and `1.0` are one element: the one already
# in the set stays). The results are the lists OTP's functions give, and a
# bad argument fails where OTP's fails (a FunctionClauseError, or the error
# of the `:lists` function it goes through).
defmodule :ordsets do
  @moduledoc false

  @doc "An empty set."
  def new, do: []

  @doc "Whether `term` is an ordset: a strictly ascending list."
  def is_set([e | rest]), do: ascending(rest, e)
  def is_set([]), do: true
  def is_set(_), do: false

  defp ascending([e2 | rest], e1) when e1 < e2, do: ascending(rest, e2)
  defp ascending([_ | _], _), do: false
  defp ascending([], _), do: true

  @doc "The number of elements of `set`."
  def size(set), do: length(set)

  @doc "Whether `set` is empty."
  def is_empty(set), do: set == []

  @doc "The elements of `set` (the set itself)."
  def to_list(set), do: set

  @doc "The set of the elements of `list`."
  def from_list(list), do: :lists.usort(list)

  @doc "Whether `element` is in `set`."
  def is_element(e, [h | rest]) when e > h, do: is_element(e, rest)
  def is_element(e, [h | _]) when e < h, do: false
  def is_element(_e, [_ | _]), do: true
  def is_element(_, []), do: false

  @doc "`set` with `element` added."
  def add_element(e, [h | rest]) when e > h, do: [h | add_element(e, rest)]
  def add_element(e, [h | _] = set) when e < h, do: [e | set]
  def add_element(_e, [_ | _] = set), do: set
  def add_element(e, []), do: [e]

  @doc "`set` without `element`."
  def del_element(e, [h | rest]) when e > h, do: [h | del_element(e, rest)]
  def del_element(e, [h | _] = set) when e < h, do: set
  def del_element(_e, [_ | rest]), do: rest
  def del_element(_, []), do: []

  @doc "The union of two sets."
  def union([e1 | rest1], [e2 | _] = set2) when e1 < e2, do: [e1 | union(rest1, set2)]
  def union([e1 | _] = set1, [e2 | rest2]) when e1 > e2, do: [e2 | union(set1, rest2)]
  def union([e1 | rest1], [_ | rest2]), do: [e1 | union(rest1, rest2)]
  def union([], set2), do: set2
  def union(set1, []), do: set1

  @doc "The union of a list of sets."
  def union(sets), do: :lists.umerge(sets)

  @doc "The intersection of two sets."
  def intersection([e1 | rest1], [e2 | _] = set2) when e1 < e2, do: intersection(rest1, set2)
  def intersection([e1 | _] = set1, [e2 | rest2]) when e1 > e2, do: intersection(set1, rest2)
  def intersection([e1 | rest1], [_ | rest2]), do: [e1 | intersection(rest1, rest2)]
  def intersection([], _), do: []
  def intersection(_, []), do: []

  @doc "The intersection of a non-empty list of sets."
  def intersection([s1, s2 | rest]), do: intersection_all(intersection(s1, s2), rest)
  def intersection([s]), do: s

  defp intersection_all(acc, [s | rest]), do: intersection_all(intersection(acc, s), rest)
  defp intersection_all(acc, []), do: acc

  @doc "Whether the two sets have no element in common."
  def is_disjoint([e1 | rest1], [e2 | _] = set2) when e1 < e2, do: is_disjoint(rest1, set2)
  def is_disjoint([e1 | _] = set1, [e2 | rest2]) when e1 > e2, do: is_disjoint(set1, rest2)
  def is_disjoint([_ | _], [_ | _]), do: false
  def is_disjoint([], _), do: true
  def is_disjoint(_, []), do: true

  @doc "The elements of `set1` not in `set2`."
  def subtract([e1 | rest1], [e2 | _] = set2) when e1 < e2, do: [e1 | subtract(rest1, set2)]
  def subtract([e1 | _] = set1, [e2 | rest2]) when e1 > e2, do: subtract(set1, rest2)
  def subtract([_ | rest1], [_ | rest2]), do: subtract(rest1, rest2)
  def subtract([], _), do: []
  def subtract(set1, []), do: set1

  @doc "Whether every element of `set1` is in `set2`."
  def is_subset([e1 | _], [e2 | _]) when e1 < e2, do: false
  def is_subset([e1 | _] = set1, [e2 | rest2]) when e1 > e2, do: is_subset(set1, rest2)
  def is_subset([_ | rest1], [_ | rest2]), do: is_subset(rest1, rest2)
  def is_subset([], _), do: true
  def is_subset(_, []), do: false

  @doc "`fun.(element, acc)` over `set`, in order."
  def fold(fun, acc, set), do: :lists.foldl(fun, acc, set)

  @doc "The elements of `set` for which `pred` is true."
  def filter(pred, set), do: :lists.filter(pred, set)
end
