# Erlang/OTP 25's `:lists` module, written in the language.
#
# Built-ins (vm/src/bif/) stand in for reverse/1,2, keyfind/3, member/2 and
# sort/1: calls to those never reach this module.
#
# Errors are OTP 25's, as Elixir shows them. Where OTP fails in a function
# clause, so does the function here, and the private helpers carry the names
# OTP's own helpers have (map_1/2, keydelete3/3, ...), so a
# FunctionClauseError names the same function. The built-in-like functions
# (keymember, keysearch, seq/3, ...) raise ArgumentError with the BEAM's
# "errors were found at the given arguments" text (an ArgumentError struct:
# `catch :error, :badarg` does not see it as the atom).
#
# The sorting and merging functions are stable merges written here: for an
# ordering function that is a consistent "less than or equal" (or a strict
# "less than", where equal elements come out in reverse order, as on the
# BEAM) the results are OTP's. Sorting an improper list fails, as on the
# BEAM, in a FunctionClauseError; its function name is OTP's for the common
# cases only.
defmodule :lists do
  @moduledoc false
  import Kernel, except: [min: 2, max: 2]

  # The largest small integer of the BEAM (64-bit): a bigger position makes
  # keyfind and friends fail with a plain badarg.
  @max_small 576_460_752_303_423_487

  ## Building and taking apart

  @doc "The lists of `lists` concatenated."
  def append([e]), do: e
  def append([h | t]), do: h ++ append(t)
  def append([]), do: []

  @doc "`l1 ++ l2`."
  def append(l1, l2), do: l1 ++ l2

  @doc "`l1 -- l2`."
  def subtract(l1, l2), do: l1 -- l2

  @doc "The `n`th element (1-based)."
  def nth(1, [h | _]), do: h
  def nth(n, [_ | t]) when n > 1, do: nth(n - 1, t)

  @doc "The list after its first `n` elements."
  def nthtail(1, [_ | t]), do: t
  def nthtail(n, [_ | t]) when n > 1, do: nthtail(n - 1, t)
  def nthtail(0, list) when is_list(list), do: list

  @doc "Whether `prefix` starts `list`."
  def prefix([x | prefix_rest], [x | rest]), do: prefix(prefix_rest, rest)
  def prefix([], list) when is_list(list), do: true
  def prefix([_ | _], list) when is_list(list), do: false

  @doc "Whether `suffix` ends `list`."
  def suffix(suffix, list) do
    delta = length(list) - length(suffix)
    delta >= 0 and nthtail(delta, list) === suffix
  end

  @doc "The list without its last element."
  def droplast([_]), do: []
  def droplast([h | t]), do: [h | droplast(t)]

  @doc "The last element."
  def last([e | rest]), do: last(e, rest)

  defp last(_, [e | rest]), do: last(e, rest)
  defp last(e, []), do: e

  @doc "The integers from `from` to `to`."
  def seq(from, to) when is_integer(from) and is_integer(to) and from - 1 <= to,
    do: seq_down(to, from, [])

  @doc "The integers from `from`, `inc` apart, not past `to`."
  def seq(from, to, inc) when is_integer(from) and is_integer(to) and is_integer(inc) do
    cond do
      (inc > 0 and from - inc <= to) or (inc < 0 and from - inc >= to) ->
        n = div(to - from + inc, inc)
        seq_step(n, from + inc * (n - 1), inc, [])

      inc == 0 and from == to ->
        [from]

      from <= to ->
        badarg([{3, "not a positive increment"}])

      true ->
        badarg([{3, "not a negative increment"}])
    end
  end

  def seq(from, to, inc) do
    badarg(
      for {arg, pos} <- [{from, 1}, {to, 2}, {inc, 3}], not is_integer(arg),
          do: {pos, "not an integer"}
    )
  end

  defp seq_down(x, from, acc) when x >= from, do: seq_down(x - 1, from, [x | acc])
  defp seq_down(_, _, acc), do: acc

  defp seq_step(0, _, _, acc), do: acc
  defp seq_step(n, x, inc, acc), do: seq_step(n - 1, x - inc, inc, [x | acc])

  @doc "The sum of the numbers of `list`."
  def sum(list), do: sum(list, 0)

  defp sum([h | t], acc), do: sum(t, acc + h)
  defp sum([], acc), do: acc

  @doc "`n` copies of `x`."
  def duplicate(n, x) when is_integer(n) and n >= 0, do: duplicate(n, x, [])

  defp duplicate(0, _, acc), do: acc
  defp duplicate(n, x, acc), do: duplicate(n - 1, x, [x | acc])

  @doc "The smallest element (the first of equal ones)."
  def min([h | t]), do: min(t, h)

  defp min([h | t], m) when h < m, do: min(t, h)
  defp min([_ | t], m), do: min(t, m)
  defp min([], m), do: m

  @doc "The largest element (the first of equal ones)."
  def max([h | t]), do: max(t, h)

  defp max([h | t], m) when h > m, do: max(t, h)
  defp max([_ | t], m), do: max(t, m)
  defp max([], m), do: m

  @doc "The first `len` elements (fewer if the list is shorter)."
  def sublist(list, len) when is_integer(len) and is_list(list), do: sublist_2(list, len)

  @doc "`len` elements from the `start`th (1-based)."
  def sublist(list, 1, len) when is_list(list) and is_integer(len) and len >= 0,
    do: sublist_2(list, len)

  def sublist([], start, len)
      when is_integer(start) and start > 1 and is_integer(len) and len >= 0,
      do: []

  def sublist([_ | t], start, len)
      when is_integer(start) and start > 1 and is_integer(len) and len >= 0,
      do: sublist(t, start - 1, len)

  defp sublist_2([h | t], len) when len > 0, do: [h | sublist_2(t, len - 1)]
  defp sublist_2(_, 0), do: []
  defp sublist_2(list, len) when is_list(list) and len > 0, do: []

  @doc "`list` without the first element that matches `item`."
  def delete(item, [item | rest]), do: rest
  def delete(item, [h | rest]), do: [h | delete(item, rest)]
  def delete(_, []), do: []

  @doc "`{first n elements, the rest}`."
  def split(n, list) when is_integer(n) and n >= 0 and is_list(list) do
    case split(n, list, []) do
      {_, _} = result -> result
      fault when is_atom(fault) -> :erlang.error(fault, [n, list])
    end
  end

  def split(n, list), do: :erlang.error(:badarg, [n, list])

  defp split(0, list, taken), do: {:lists.reverse(taken), list}
  defp split(n, [h | t], taken), do: split(n - 1, t, [h | taken])
  defp split(_, [], _), do: :badarg

  @doc "The elements of `list` with `sep` between each two."
  def join(_sep, []), do: []
  def join(sep, [h | t]), do: [h | join_prepend(sep, t)]

  defp join_prepend(_sep, []), do: []
  defp join_prepend(sep, [h | t]), do: [sep, h | join_prepend(sep, t)]

  @doc "The elements of a deep list, in order."
  def flatten(list) when is_list(list), do: do_flatten(list, [])

  @doc "The elements of a deep list, followed by `tail`."
  def flatten(list, tail) when is_list(list) and is_list(tail), do: do_flatten(list, tail)

  defp do_flatten([h | t], tail) when is_list(h), do: do_flatten(h, do_flatten(t, tail))
  defp do_flatten([h | t], tail), do: [h | do_flatten(t, tail)]
  defp do_flatten([], tail), do: tail

  @doc "The number of elements of a deep list."
  def flatlength(list), do: flatlength(list, 0)

  defp flatlength([h | t], n) when is_list(h), do: flatlength(h, flatlength(t, n))
  defp flatlength([_ | t], n), do: flatlength(t, n + 1)
  defp flatlength([], n), do: n

  @doc "The charlist of the texts of `things` (atoms, integers, floats, charlists)."
  def concat(things), do: flatmap(&thing_to_list/1, things)

  defp thing_to_list(x) when is_integer(x), do: String.to_charlist(Integer.to_string(x))
  defp thing_to_list(x) when is_float(x), do: float_chars(x)
  defp thing_to_list(x) when is_atom(x), do: String.to_charlist(Atom.to_string(x))
  defp thing_to_list(x) when is_list(x), do: x

  @doc "`{index, element}` pairs, from 1."
  def enumerate(list) when is_list(list), do: enumerate_1(1, list)

  @doc "`{index, element}` pairs, from `index`."
  def enumerate(index, list) when is_integer(index) and is_list(list),
    do: enumerate_1(index, list)

  defp enumerate_1(i, [h | t]), do: [{i, h} | enumerate_1(i + 1, t)]
  defp enumerate_1(_, []), do: []

  @doc "The elements, each once (the first of those that match)."
  def uniq(list), do: uniq_1(list, %{})

  defp uniq_1([x | rest], seen) do
    if :erlang.is_map_key(x, seen),
      do: uniq_1(rest, seen),
      else: [x | uniq_1(rest, Map.put(seen, x, []))]
  end

  defp uniq_1([], _), do: []

  @doc "The elements, the first of each value of `fun`."
  def uniq(fun, list) when is_function(fun, 1), do: uniq_2(list, fun, %{})

  defp uniq_2([x | rest], fun, seen) do
    key = fun.(x)

    if :erlang.is_map_key(key, seen),
      do: uniq_2(rest, fun, seen),
      else: [x | uniq_2(rest, fun, Map.put(seen, key, []))]
  end

  defp uniq_2([], _, _), do: []

  ## Zipping

  @doc "Pairs of the elements of two lists of one length."
  def zip([x | xs], [y | ys]), do: [{x, y} | zip(xs, ys)]
  def zip([], []), do: []

  @doc "Triples of the elements of three lists of one length."
  def zip3([x | xs], [y | ys], [z | zs]), do: [{x, y, z} | zip3(xs, ys, zs)]
  def zip3([], [], []), do: []

  @doc "`fun` applied to the elements of two lists, pairwise."
  def zipwith(fun, [x | xs], [y | ys]), do: [fun.(x, y) | zipwith(fun, xs, ys)]
  def zipwith(fun, [], []) when is_function(fun, 2), do: []

  @doc "`fun` applied to the elements of three lists."
  def zipwith3(fun, [x | xs], [y | ys], [z | zs]),
    do: [fun.(x, y, z) | zipwith3(fun, xs, ys, zs)]

  def zipwith3(fun, [], [], []) when is_function(fun, 3), do: []

  @doc "A list of pairs as a pair of lists."
  def unzip(pairs), do: unzip(pairs, [], [])

  defp unzip([{x, y} | rest], xs, ys), do: unzip(rest, [x | xs], [y | ys])
  defp unzip([], xs, ys), do: {:lists.reverse(xs), :lists.reverse(ys)}

  @doc "A list of triples as a triple of lists."
  def unzip3(triples), do: unzip3(triples, [], [], [])

  defp unzip3([{x, y, z} | rest], xs, ys, zs), do: unzip3(rest, [x | xs], [y | ys], [z | zs])

  defp unzip3([], xs, ys, zs),
    do: {:lists.reverse(xs), :lists.reverse(ys), :lists.reverse(zs)}

  ## Higher-order

  @doc "Whether `pred` holds for every element."
  def all(pred, list) when is_function(pred, 1) do
    case list do
      [h | t] ->
        case pred.(h) do
          true -> all_1(pred, t)
          false -> false
        end

      [] ->
        true
    end
  end

  defp all_1(pred, [h | t]) do
    case pred.(h) do
      true -> all_1(pred, t)
      false -> false
    end
  end

  defp all_1(_pred, []), do: true

  @doc "Whether `pred` holds for some element."
  def any(pred, list) when is_function(pred, 1) do
    case list do
      [h | t] ->
        case pred.(h) do
          true -> true
          false -> any_1(pred, t)
        end

      [] ->
        false
    end
  end

  defp any_1(pred, [h | t]) do
    case pred.(h) do
      true -> true
      false -> any_1(pred, t)
    end
  end

  defp any_1(_pred, []), do: false

  @doc "`fun` applied to each element, in order."
  def map(fun, list) when is_function(fun, 1) do
    case list do
      [h | t] -> [fun.(h) | map_1(fun, t)]
      [] -> []
    end
  end

  defp map_1(fun, [h | t]), do: [fun.(h) | map_1(fun, t)]
  defp map_1(_fun, []), do: []

  @doc "The lists `fun` gives for each element, concatenated."
  def flatmap(fun, list) when is_function(fun, 1), do: flatmap_1(fun, list)

  defp flatmap_1(fun, [h | t]), do: fun.(h) ++ flatmap_1(fun, t)
  defp flatmap_1(_fun, []), do: []

  @doc "`fun` folded over the elements, first to last."
  def foldl(fun, acc, list) when is_function(fun, 2) do
    case list do
      [h | t] -> foldl_1(fun, fun.(h, acc), t)
      [] -> acc
    end
  end

  defp foldl_1(fun, acc, [h | t]), do: foldl_1(fun, fun.(h, acc), t)
  defp foldl_1(_fun, acc, []), do: acc

  @doc "`fun` folded over the elements, last to first."
  def foldr(fun, acc, list) when is_function(fun, 2), do: foldr_1(fun, acc, list)

  defp foldr_1(fun, acc, [h | t]), do: fun.(h, foldr_1(fun, acc, t))
  defp foldr_1(_fun, acc, []), do: acc

  @doc "The elements for which `pred` holds."
  def filter(pred, list) when is_function(pred, 1), do: filter_1(pred, list)

  # A list comprehension on the BEAM: a non-list is a bad generator, a result
  # other than a boolean a bad filter.
  defp filter_1(pred, [h | t]) do
    case pred.(h) do
      true -> [h | filter_1(pred, t)]
      false -> filter_1(pred, t)
      other -> :erlang.error({:bad_filter, other})
    end
  end

  defp filter_1(_pred, []), do: []
  defp filter_1(_pred, other), do: :erlang.error({:bad_generator, other})

  @doc "`{satisfying, not_satisfying}`."
  def partition(pred, list) when is_function(pred, 1), do: partition_1(pred, list, [], [])

  defp partition_1(pred, [h | t], yes, no) do
    case pred.(h) do
      true -> partition_1(pred, t, [h | yes], no)
      false -> partition_1(pred, t, yes, [h | no])
    end
  end

  defp partition_1(_pred, [], yes, no), do: {:lists.reverse(yes), :lists.reverse(no)}

  @doc "Filter and map in one: `fun` gives `true`, `{true, value}` or `false`."
  def filtermap(fun, list) when is_function(fun, 1), do: filtermap_1(fun, list)

  defp filtermap_1(fun, [h | t]) do
    case fun.(h) do
      true -> [h | filtermap_1(fun, t)]
      {true, value} -> [value | filtermap_1(fun, t)]
      false -> filtermap_1(fun, t)
    end
  end

  defp filtermap_1(_fun, []), do: []

  @doc "The old name of filtermap/2."
  def zf(fun, list), do: filtermap(fun, list)

  @doc "`fun` called on each element, for its effects."
  def foreach(fun, list) when is_function(fun, 1), do: foreach_1(fun, list)

  defp foreach_1(fun, [h | t]) do
    fun.(h)
    foreach_1(fun, t)
  end

  defp foreach_1(_fun, []), do: :ok

  @doc "map and foldl in one pass: `fun` returns `{mapped, acc}`."
  def mapfoldl(fun, acc, list) when is_function(fun, 2), do: mapfoldl_1(fun, acc, list)

  defp mapfoldl_1(fun, acc0, [h | t]) do
    {r, acc1} = fun.(h, acc0)
    {rs, acc2} = mapfoldl_1(fun, acc1, t)
    {[r | rs], acc2}
  end

  defp mapfoldl_1(_fun, acc, []), do: {[], acc}

  @doc "map and foldr in one pass, last element first."
  def mapfoldr(fun, acc, list) when is_function(fun, 2), do: mapfoldr_1(fun, acc, list)

  defp mapfoldr_1(fun, acc0, [h | t]) do
    {rs, acc1} = mapfoldr_1(fun, acc0, t)
    {r, acc2} = fun.(h, acc1)
    {[r | rs], acc2}
  end

  defp mapfoldr_1(_fun, acc, []), do: {[], acc}

  @doc "The leading elements for which `pred` holds."
  def takewhile(pred, list) when is_function(pred, 1), do: takewhile_1(pred, list)

  defp takewhile_1(pred, [h | t]) do
    case pred.(h) do
      true -> [h | takewhile_1(pred, t)]
      false -> []
    end
  end

  defp takewhile_1(_pred, []), do: []

  @doc "The list from the first element for which `pred` does not hold."
  def dropwhile(pred, list) when is_function(pred, 1), do: dropwhile_1(pred, list)

  defp dropwhile_1(pred, [h | t] = rest) do
    case pred.(h) do
      true -> dropwhile_1(pred, t)
      false -> rest
    end
  end

  defp dropwhile_1(_pred, []), do: []

  @doc "`{:value, element}` of the first element for which `pred` holds, or `false`."
  def search(pred, list) when is_function(pred, 1), do: search_1(pred, list)

  defp search_1(pred, [h | t]) do
    case pred.(h) do
      true -> {:value, h}
      false -> search_1(pred, t)
    end
  end

  defp search_1(_pred, []), do: false

  @doc "`{takewhile(pred, list), dropwhile(pred, list)}`."
  def splitwith(pred, list) when is_function(pred, 1), do: splitwith_1(pred, list, [])

  defp splitwith_1(pred, [h | t], taken) do
    case pred.(h) do
      true -> splitwith_1(pred, t, [h | taken])
      false -> {:lists.reverse(taken), [h | t]}
    end
  end

  defp splitwith_1(_pred, [], taken), do: {:lists.reverse(taken), []}

  ## Lists of tuples

  @doc "Whether a tuple's `n`th element equals (==) `key`."
  def keymember(key, n, list), do: keysearch(key, n, list) != false

  @doc "`{:value, tuple}` of the first tuple whose `n`th element equals (==) `key`, or `false`."
  def keysearch(key, n, list) do
    check_key_args(n, list)

    case :lists.keyfind(key, n, list) do
      false ->
        if proper?(list), do: false, else: badarg([{3, "not a proper list"}])

      tuple ->
        {:value, tuple}
    end
  end

  # What the BEAM's keyfind/3 checks before it searches.
  defp check_key_args(n, list) when is_integer(n) and n >= 1 and n <= @max_small and is_list(list),
    do: :ok

  defp check_key_args(n, list) when is_integer(n) and n > @max_small and is_list(list) and length(list) >= 0,
    do: :erlang.error(:badarg)

  defp check_key_args(n, list) do
    pos =
      cond do
        not is_integer(n) -> [{2, "not an integer"}]
        n < 1 -> [{2, "out of range"}]
        true -> []
      end

    list =
      cond do
        not is_list(list) -> [{3, "not a list"}]
        not proper?(list) -> [{3, "not a proper list"}]
        true -> []
      end

    badarg(pos ++ list)
  end

  @doc "`list` without the first tuple whose `n`th element equals (==) `key`."
  def keydelete(key, n, list) when is_integer(n) and n > 0, do: keydelete3(key, n, list)

  defp keydelete3(key, n, [h | t]) when :erlang.element(n, h) == key, do: t
  defp keydelete3(key, n, [h | t]), do: [h | keydelete3(key, n, t)]
  defp keydelete3(_, _, []), do: []

  @doc "`list` with the first tuple whose `n`th element equals `key` replaced by `new`."
  def keyreplace(key, n, list, new) when is_integer(n) and n > 0 and is_tuple(new),
    do: keyreplace3(key, n, list, new)

  defp keyreplace3(key, n, [h | t], new) when :erlang.element(n, h) == key, do: [new | t]
  defp keyreplace3(key, n, [h | t], new), do: [h | keyreplace3(key, n, t, new)]
  defp keyreplace3(_, _, [], _), do: []

  @doc "`{:value, tuple, rest}` for the first tuple whose `n`th element equals `key`, or `false`."
  def keytake(key, n, list) when is_integer(n) and n > 0, do: keytake(key, n, list, [])

  defp keytake(key, n, [h | t], before) when :erlang.element(n, h) == key,
    do: {:value, h, :lists.reverse(before, t)}

  defp keytake(key, n, [h | t], before), do: keytake(key, n, t, [h | before])
  defp keytake(_, _, [], _), do: false

  @doc "As keyreplace/4, `new` added at the end when no tuple matches."
  def keystore(key, n, list, new) when is_integer(n) and n > 0 and is_tuple(new),
    do: keystore2(key, n, list, new)

  defp keystore2(key, n, [h | t], new) when :erlang.element(n, h) == key, do: [new | t]
  defp keystore2(key, n, [h | t], new), do: [h | keystore2(key, n, t, new)]
  defp keystore2(_, _, [], new), do: [new]

  @doc "The tuples with `fun` applied to their `n`th element."
  def keymap(fun, n, [tuple | rest]),
    do: [:erlang.setelement(n, tuple, fun.(element(n, tuple))) | keymap(fun, n, rest)]

  def keymap(fun, n, []) when is_integer(n) and n >= 1 and is_function(fun, 1), do: []

  @doc "The tuples sorted on their `n`th element; stable."
  def keysort(n, list) when is_integer(n) and n > 0 do
    case list do
      [] ->
        list

      [_] ->
        list

      [a, b | _] ->
        unless proper?(list) do
          raise_clause(if key_le(n, a, b), do: {:keysplit_1, 8}, else: {:keysplit_2, 8})
        end

        list |> decorate(n) |> sort_decorated()
    end
  end

  @doc "As keysort/2, only the first of the tuples with equal (==) keys kept."
  def ukeysort(n, list) when is_integer(n) and n > 0 do
    case list do
      [] ->
        list

      [_] ->
        list

      [a, b | _] ->
        unless proper?(list) do
          raise_clause(
            cond do
              element(n, a) == element(n, b) -> {:ukeysort_1, 4}
              key_le(n, a, b) -> {:ukeysplit_1, 8}
              true -> {:ukeysplit_2, 5}
            end
          )
        end

        list |> decorate(n) |> sort_decorated() |> dedup_keys(n)
    end
  end

  # [{key, position, tuple}] sorted by the built-in sort: by key, and the
  # position keeps tuples with equal keys in their order.
  defp decorate(list, n), do: decorate(list, n, 0, [])

  defp decorate([t | rest], n, i, acc), do: decorate(rest, n, i + 1, [{element(n, t), i, t} | acc])
  defp decorate([], _, _, acc), do: acc

  defp sort_decorated(decorated), do: strip(:lists.sort(decorated), [])

  defp strip([{_, _, t} | rest], acc), do: strip(rest, [t | acc])
  defp strip([], acc), do: :lists.reverse(acc)

  defp dedup_keys([first | rest], n), do: dedup_keys(rest, n, element(n, first), [first])

  defp dedup_keys([t | rest], n, key, acc) do
    k = element(n, t)
    if k == key, do: dedup_keys(rest, n, key, acc), else: dedup_keys(rest, n, k, [t | acc])
  end

  defp dedup_keys([], _, _, acc), do: :lists.reverse(acc)

  defp key_le(n, a, b), do: element(n, a) <= element(n, b)

  @doc "Two lists of tuples sorted on their `n`th element, merged; `list1`'s first on ties."
  def keymerge(n, list1, list2) when is_integer(n) and n > 0 do
    case list2 do
      [] -> list1
      [h2 | t2] -> :lists.reverse(keymerge2_1(n, list1, element(n, h2), h2, t2, []), [])
    end
  end

  # keymerge2_1 takes the next tuple of the first list; keymerge2_2 of the second.
  defp keymerge2_1(n, [h1 | t1], e2, h2, t2, m) do
    e1 = element(n, h1)

    if e1 <= e2,
      do: keymerge2_1(n, t1, e2, h2, t2, [h1 | m]),
      else: keymerge2_2(n, t1, e1, h1, t2, [h2 | m])
  end

  defp keymerge2_1(_n, [], _e2, h2, t2, m), do: reverse_onto(t2, [h2 | m])

  defp keymerge2_2(n, t1, e1, h1, [h2 | t2], m) do
    e2 = element(n, h2)

    if e1 <= e2,
      do: keymerge2_1(n, t1, e2, h2, t2, [h1 | m]),
      else: keymerge2_2(n, t1, e1, h1, t2, [h2 | m])
  end

  defp keymerge2_2(_n, t1, _e1, h1, [], m), do: reverse_onto(t1, [h1 | m])

  @doc "As keymerge/3, a tuple of `list2` dropped when its key equals one of `list1`."
  def ukeymerge(n, list1, list2) when is_integer(n) and n > 0 do
    case list1 do
      [] -> list2
      [h1 | t1] -> :lists.reverse(ukeymerge2_2(n, t1, element(n, h1), h1, list2, []), [])
    end
  end

  # As keymerge, ties to the first list; a tuple of the second list is
  # dropped when its key equals that of the tuple of the first list just
  # before it in the result (`last`).
  defp ukeymerge2_1(n, [h1 | t1], e2, h2, t2, m, last) do
    e1 = element(n, h1)

    if e1 <= e2,
      do: ukeymerge2_1(n, t1, e2, h2, t2, [h1 | m], e1),
      else: ukeymerge2_2(n, t1, e1, h1, t2, if(e2 == last, do: m, else: [h2 | m]))
  end

  defp ukeymerge2_1(_n, [], e2, h2, t2, m, last),
    do: reverse_onto(t2, if(e2 == last, do: m, else: [h2 | m]))

  defp ukeymerge2_2(n, t1, e1, h1, [h2 | t2], m) do
    e2 = element(n, h2)

    if e1 <= e2,
      do: ukeymerge2_1(n, t1, e2, h2, t2, [h1 | m], e1),
      else: ukeymerge2_2(n, t1, e1, h1, t2, [h2 | m])
  end

  defp ukeymerge2_2(_n, t1, _e1, h1, [], m), do: reverse_onto(t1, [h1 | m])

  @doc false
  # Merges of lists sorted in descending order (OTP exports them for its sorts).
  def rkeymerge(n, list1, list2) when is_integer(n) and n > 0 do
    case list2 do
      [] -> list1
      [_ | _] -> :lists.reverse(keymerge(n, :lists.reverse(list1), :lists.reverse(list2)))
    end
  end

  @doc false
  def rukeymerge(n, list1, list2) when is_integer(n) and n > 0 do
    case list1 do
      [] -> list2
      [_ | _] -> :lists.reverse(ukeymerge(n, :lists.reverse(list1), :lists.reverse(list2)))
    end
  end

  ## Sorting and merging

  @doc "`list` sorted by `fun` (true when its first argument goes first); stable."
  def sort(fun, []) when is_function(fun, 2), do: []
  def sort(fun, [_] = list) when is_function(fun, 2), do: list

  def sort(fun, [a, b | _] = list) when is_function(fun, 2) do
    unless proper?(list) do
      raise_clause(if fun.(a, b), do: {:fsplit_1, 6}, else: {:fsplit_2, 6})
    end

    merge_sort(list, fun)
  end

  @doc "`list` sorted, each value (==) once: the first of equal elements kept."
  def usort([]), do: []
  def usort([_] = list), do: list

  def usort([a, b | _] = list) do
    unless proper?(list) do
      raise_clause(
        cond do
          a == b -> {:usort_1, 2}
          a < b -> {:usplit_1, 5}
          true -> {:usplit_2, 5}
        end
      )
    end

    # The built-in sort is fast; only when equal elements differ (1 and 1.0)
    # does it matter which of them comes first, and then a stable sort does it.
    sorted = :lists.sort(list)

    case dedup_identical(sorted) do
      :mixed -> dedup_equal(merge_sort(list, &<=/2))
      deduped -> deduped
    end
  end

  defp dedup_identical([h | t]), do: dedup_identical(t, h, [h])

  defp dedup_identical([h | t], prev, acc) when h === prev, do: dedup_identical(t, prev, acc)
  defp dedup_identical([h | _], prev, _acc) when h == prev, do: :mixed
  defp dedup_identical([h | t], _prev, acc), do: dedup_identical(t, h, [h | acc])

  defp dedup_identical([], _, acc), do: :lists.reverse(acc)

  defp dedup_equal([h | t]), do: dedup_equal(t, h, [h])
  defp dedup_equal([h | t], prev, acc) when h == prev, do: dedup_equal(t, prev, acc)
  defp dedup_equal([h | t], _prev, acc), do: dedup_equal(t, h, [h | acc])
  defp dedup_equal([], _, acc), do: :lists.reverse(acc)

  @doc "`list` sorted by `fun`, only the first of elements equal by `fun` (both ways) kept."
  def usort(fun, []) when is_function(fun, 2), do: []
  def usort(fun, [_] = list) when is_function(fun, 2), do: list

  def usort(fun, [a | rest] = list) when is_function(fun, 2) do
    unless proper?(list), do: raise_clause(usort_improper(fun, a, rest))
    [first | sorted] = merge_sort(list, fun)
    dedup_by(sorted, fun, first, [first])
  end

  defp dedup_by([h | t], fun, prev, acc) do
    if same?(fun, prev, h), do: dedup_by(t, fun, prev, acc), else: dedup_by(t, fun, h, [h | acc])
  end

  defp dedup_by([], _fun, _prev, acc), do: :lists.reverse(acc)

  defp same?(fun, a, b) do
    case fun.(a, b) do
      true -> fun.(b, a)
      false -> false
    end
  end

  # Which OTP helper meets the improper tail, for the usual cases.
  defp usort_improper(fun, a, rest) do
    case drop_same(improper_elements(rest), fun, a) do
      [] -> {:usort_1, 3}
      [b] -> if fun.(a, b), do: {:ufsplit_1, 6}, else: {:ufsplit_2, 4}
      _ -> {:ufsplit_1, 6}
    end
  end

  defp drop_same([x | rest] = list, fun, a) do
    if same?(fun, a, x), do: drop_same(rest, fun, a), else: list
  end

  defp drop_same([], _fun, _a), do: []

  defp improper_elements([h | t]), do: [h | improper_elements(t)]
  defp improper_elements(_), do: []

  # A bottom-up merge sort: runs of two, then adjacent runs merged. The
  # left element goes first when `fun` says so, the right one otherwise.
  defp merge_sort(list, fun), do: merge_runs(pair_runs(list, fun, []), fun)

  defp pair_runs([a, b | t], fun, acc) do
    run =
      case fun.(a, b) do
        true -> [a, b]
        false -> [b, a]
      end

    pair_runs(t, fun, [run | acc])
  end

  defp pair_runs([a], _fun, acc), do: :lists.reverse([[a] | acc])
  defp pair_runs([], _fun, acc), do: :lists.reverse(acc)

  defp merge_runs([run], _fun), do: run
  defp merge_runs(runs, fun), do: merge_runs(merge_run_pairs(runs, fun, []), fun)

  defp merge_run_pairs([a, b | rest], fun, acc),
    do: merge_run_pairs(rest, fun, [merge_two(a, b, fun, []) | acc])

  defp merge_run_pairs([a], _fun, acc), do: :lists.reverse([a | acc])
  defp merge_run_pairs([], _fun, acc), do: :lists.reverse(acc)

  defp merge_two([ha | ta] = a, [hb | tb] = b, fun, acc) do
    case fun.(ha, hb) do
      true -> merge_two(ta, b, fun, [ha | acc])
      false -> merge_two(a, tb, fun, [hb | acc])
    end
  end

  defp merge_two([], b, _fun, acc), do: :lists.reverse(acc, b)
  defp merge_two(a, [], _fun, acc), do: :lists.reverse(acc, a)

  @doc "Two sorted lists merged; `list1`'s element first on ties."
  def merge(list1, [h2 | t2]), do: :lists.reverse(merge2_1(list1, h2, t2, []), [])
  def merge(list1, []), do: list1

  # merge2_1 takes the next element of the first list, merge2_2 of the
  # second. (merge2_2's last argument is unused: OTP's has five.)
  defp merge2_1([h1 | t1], h2, t2, m) when h1 <= h2, do: merge2_1(t1, h2, t2, [h1 | m])
  defp merge2_1([h1 | t1], h2, t2, m), do: merge2_2(t1, h1, t2, [h2 | m], nil)
  defp merge2_1([], h2, t2, m), do: reverse_onto(t2, [h2 | m])

  defp merge2_2(t1, h1, [h2 | t2], m, _) when h1 <= h2, do: merge2_1(t1, h2, t2, [h1 | m])
  defp merge2_2(t1, h1, [h2 | t2], m, _), do: merge2_2(t1, h1, t2, [h2 | m], nil)
  defp merge2_2(t1, h1, [], m, _), do: reverse_onto(t1, [h1 | m])

  @doc "Sorted lists merged; on ties the element of the earlier list first."
  def merge(lists), do: mergel(lists, [])

  # Checks the lists pair by pair, as OTP's merge does, then merges them.
  defp mergel([[] | rest], acc), do: mergel(rest, acc)
  defp mergel([only], []), do: only
  defp mergel([], acc), do: merge_all(:lists.reverse(acc))
  defp mergel([list], acc), do: mergel([], [list | acc])
  defp mergel([l1, [] | rest], acc), do: mergel([l1 | rest], acc)
  defp mergel([l1, [_ | _] = l2 | rest], acc), do: mergel(rest, [l2, l1 | acc])

  defp merge_all([]), do: []
  defp merge_all([list]), do: list
  defp merge_all([list | rest]), do: merge(list, merge_all(rest))

  @doc "Three sorted lists merged; ties in the order of the lists."
  def merge3(list1, [], list3), do: merge(list1, list3)
  def merge3(list1, list2, []), do: merge(list1, list2)
  def merge3(list1, [_ | _] = list2, [_ | _] = list3), do: merge(list1, merge(list2, list3))

  @doc "Two lists sorted by `fun`, merged; `list1`'s first when `fun` says so."
  def merge(fun, list1, [h2 | t2]) when is_function(fun, 2),
    do: :lists.reverse(fmerge2_1(list1, h2, fun, t2, []), [])

  def merge(fun, list1, []) when is_function(fun, 2), do: list1

  defp fmerge2_1([h1 | t1], h2, fun, t2, m) do
    case fun.(h1, h2) do
      true -> fmerge2_1(t1, h2, fun, t2, [h1 | m])
      false -> fmerge2_2(h1, t1, fun, t2, [h2 | m])
    end
  end

  defp fmerge2_1([], h2, _fun, t2, m), do: reverse_onto(t2, [h2 | m])

  defp fmerge2_2(h1, t1, fun, [h2 | t2], m) do
    case fun.(h1, h2) do
      true -> fmerge2_1(t1, h2, fun, t2, [h1 | m])
      false -> fmerge2_2(h1, t1, fun, t2, [h2 | m])
    end
  end

  defp fmerge2_2(h1, t1, _fun, [], m), do: reverse_onto(t1, [h1 | m])

  @doc "Two sorted lists without duplicates, merged; on ties `list1`'s kept, `list2`'s dropped."
  def umerge([], list2), do: list2
  def umerge([h1 | t1], list2), do: :lists.reverse(umerge2_2(t1, list2, [], h1), [])

  # A merge with ties to the first list, where an element of the second list
  # is dropped when it equals the element of the first list just before it in
  # the result (`last`). umerge2_1 takes the next element of the first list,
  # umerge2_2 of the second.
  defp umerge2_1([h1 | t1], h2, t2, m, last) do
    if h1 <= h2,
      do: umerge2_1(t1, h2, t2, [h1 | m], h1),
      else: umerge2_2(t1, t2, if(h2 == last, do: m, else: [h2 | m]), h1)
  end

  defp umerge2_1([], h2, t2, m, last),
    do: reverse_onto(t2, if(h2 == last, do: m, else: [h2 | m]))

  defp umerge2_2(t1, [h2 | t2], m, h1) do
    if h1 <= h2,
      do: umerge2_1(t1, h2, t2, [h1 | m], h1),
      else: umerge2_2(t1, t2, [h2 | m], h1)
  end

  defp umerge2_2(t1, [], m, h1), do: reverse_onto(t1, [h1 | m])

  @doc "Sorted lists without duplicates merged; on ties the earliest list's element kept."
  def umerge(lists), do: umergel(lists, [], :asc)

  # Collects the lists (the third argument is unused: OTP's umergel has three,
  # and a FunctionClauseError names it).

  defp umergel([list | rest], acc, order), do: umergel(rest, [list | acc], order)
  defp umergel([], acc, _order), do: umerge_all(acc, [])

  # acc holds the lists last first: fold them from the right.
  defp umerge_all([], []), do: []
  defp umerge_all([list | rest], []), do: umerge_all(rest, [list])
  defp umerge_all([list | rest], [merged]), do: umerge_all(rest, [umerge(list, merged)])
  defp umerge_all([], [merged]), do: merged

  @doc "Three sorted lists without duplicates merged; on ties the earliest list's kept."
  def umerge3(list1, [], list3), do: umerge(list1, list3)
  def umerge3(list1, list2, []), do: umerge(list1, list2)
  def umerge3(list1, [_ | _] = list2, [_ | _] = list3), do: umerge(list1, umerge(list2, list3))

  @doc "Two lists sorted by `fun` merged; of equal elements (by `fun`, both ways) `list1`'s kept."
  def umerge(fun, [], list2) when is_function(fun, 2), do: list2

  def umerge(fun, [h1 | t1], list2) when is_function(fun, 2),
    do: :lists.reverse(ufmerge2_2(h1, t1, fun, list2, []), [])

  # As umerge/2; `fun.(h2, last)` says whether h2 equals `last`, which goes
  # before it.
  defp ufmerge2_1([h1 | t1], h2, fun, t2, m, last) do
    case fun.(h1, h2) do
      true -> ufmerge2_1(t1, h2, fun, t2, [h1 | m], h1)
      false -> ufmerge2_2(h1, t1, fun, t2, unless_same(fun, h2, last, m))
    end
  end

  defp ufmerge2_1([], h2, fun, t2, m, last), do: reverse_onto(t2, unless_same(fun, h2, last, m))

  defp ufmerge2_2(h1, t1, fun, [h2 | t2], m) do
    case fun.(h1, h2) do
      true -> ufmerge2_1(t1, h2, fun, t2, [h1 | m], h1)
      false -> ufmerge2_2(h1, t1, fun, t2, [h2 | m])
    end
  end

  defp ufmerge2_2(h1, t1, _fun, [], m), do: reverse_onto(t1, [h1 | m])

  defp unless_same(fun, h2, last, m) do
    case fun.(h2, last) do
      true -> m
      false -> [h2 | m]
    end
  end

  @doc false
  # Merges of lists sorted in descending order (OTP exports them for its sorts).
  def rmerge(list1, []), do: list1

  def rmerge(list1, [_ | _] = list2),
    do: :lists.reverse(merge(:lists.reverse(list1), :lists.reverse(list2)))

  @doc false
  def rmerge(fun, list1, []) when is_function(fun, 2), do: list1

  def rmerge(fun, list1, [_ | _] = list2) when is_function(fun, 2),
    do: :lists.reverse(merge(fun, :lists.reverse(list1), :lists.reverse(list2)))

  @doc false
  def rmerge3(list1, [], list3), do: rmerge(list1, list3)
  def rmerge3(list1, list2, []), do: rmerge(list1, list2)

  def rmerge3(list1, [_ | _] = list2, [_ | _] = list3) do
    :lists.reverse(
      merge3(:lists.reverse(list1), :lists.reverse(list2), :lists.reverse(list3))
    )
  end

  @doc false
  def rumerge(list1, []), do: list1

  def rumerge(list1, [_ | _] = list2),
    do: :lists.reverse(umerge(:lists.reverse(list1), :lists.reverse(list2)))

  @doc false
  def rumerge(fun, list1, []) when is_function(fun, 2), do: list1

  def rumerge(fun, list1, [_ | _] = list2) when is_function(fun, 2),
    do: :lists.reverse(umerge(fun, :lists.reverse(list1), :lists.reverse(list2)))

  @doc false
  def rumerge3(list1, [], list3), do: rumerge(list1, list3)
  def rumerge3(list1, list2, []), do: rumerge(list1, list2)

  def rumerge3(list1, [_ | _] = list2, [_ | _] = list3) do
    :lists.reverse(
      umerge3(:lists.reverse(list1), :lists.reverse(list2), :lists.reverse(list3))
    )
  end

  ## Helpers

  defp proper?(list) when length(list) >= 0, do: true
  defp proper?(_), do: false

  # lists:reverse/2 with the BEAM's error text when `list` is not a proper list.
  defp reverse_onto(list, tail) when is_list(list) do
    if proper?(list),
      do: :lists.reverse(list, tail),
      else: badarg([{1, "not a proper list"}])
  end

  defp reverse_onto(_list, _tail), do: badarg([{1, "not a list"}])

  # element/2 with the BEAM's error text.
  defp element(n, tuple) when is_integer(n) and is_tuple(tuple) and n >= 1 and n <= tuple_size(tuple),
    do: :erlang.element(n, tuple)

  defp element(n, tuple) do
    index =
      cond do
        not is_integer(n) -> [{1, "not an integer"}]
        n < 1 or is_tuple(tuple) -> [{1, "out of range"}]
        true -> []
      end

    badarg(if is_tuple(tuple), do: index, else: index ++ [{2, "not a tuple"}])
  end

  defp raise_clause({function, arity}),
    do: raise(FunctionClauseError, module: :lists, function: function, arity: arity)

  defp badarg(lines) do
    raise ArgumentError, "errors were found at the given arguments:\n\n" <> badarg_lines(lines)
  end

  defp badarg_lines([{pos, text} | rest]),
    do: "  * " <> ordinal(pos) <> " argument: " <> text <> "\n" <> badarg_lines(rest)

  defp badarg_lines([]), do: ""

  defp ordinal(1), do: "1st"
  defp ordinal(2), do: "2nd"
  defp ordinal(3), do: "3rd"
  defp ordinal(n), do: Integer.to_string(n) <> "th"

  # float_to_list/1: "%.20e", 21 significant digits rounded to nearest (even
  # on a tie), from the float's exact binary value.
  defp float_chars(f) do
    <<sign::1, exp::11, frac::52>> = <<f::float>>
    prefix = if sign == 1, do: '-', else: []

    {mant, e2} =
      if exp == 0, do: {frac, -1074}, else: {frac + :erlang.bsl(1, 52), exp - 1075}

    if mant == 0 do
      prefix ++ '0.00000000000000000000e+00'
    else
      {num, den} = if e2 >= 0, do: {mant * :erlang.bsl(1, e2), 1}, else: {mant, :erlang.bsl(1, -e2)}
      d0 = digit_count(num) - digit_count(den)
      d = if scaled_ge?(num, den, d0), do: d0, else: d0 - 1
      s = 20 - d
      {n2, d2} = if s >= 0, do: {num * Integer.pow(10, s), den}, else: {num, den * Integer.pow(10, -s)}
      q = div(n2, d2)
      r = rem(n2, d2)
      q = if 2 * r > d2 or (2 * r == d2 and rem(q, 2) == 1), do: q + 1, else: q
      {q, d} = if q == Integer.pow(10, 21), do: {Integer.pow(10, 20), d + 1}, else: {q, d}
      [lead | rest] = String.to_charlist(Integer.to_string(q))
      exp_sign = if d < 0, do: ?-, else: ?+
      exp_digits = String.to_charlist(Integer.to_string(abs(d)))
      exp_digits = if length(exp_digits) < 2, do: [?0 | exp_digits], else: exp_digits
      prefix ++ [lead, ?. | rest] ++ [?e, exp_sign | exp_digits]
    end
  end

  defp digit_count(n), do: byte_size(Integer.to_string(n))

  # Whether num / den >= 10^d.
  defp scaled_ge?(num, den, d) when d >= 0, do: num >= den * Integer.pow(10, d)
  defp scaled_ge?(num, den, d), do: num * Integer.pow(10, -d) >= den
end
