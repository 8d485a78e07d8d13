# Enum: the everyday functions over lists, ranges and maps, written in the
# language itself so the interpreter never re-enters itself from Rust.
defmodule Enum do
  # ---- traversal helpers: every function turns its enumerable into a list ----

  def to_list(list) when is_list(list), do: list
  def to_list(%{__struct__: Range, first: first, last: last, step: step}), do: range_list(first, last, step)
  def to_list(%{__struct__: _} = s), do: enumerable_list(s)
  def to_list(map) when is_map(map), do: Map.to_list(map)
  def to_list(other), do: enumerable_list(other)

  # Any other enumerable (a user struct, a stream), through the protocol.
  defp enumerable_list(enumerable) do
    {:done, list} = Enumerable.reduce(enumerable, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    :lists.reverse(list)
  end

  defp range_list(first, last, step) when step > 0 and first > last, do: []
  defp range_list(first, last, step) when step < 0 and first < last, do: []
  defp range_list(first, last, step) do
    n = div(last - first, step)
    range_down(first + n * step, step, first, [])
  end

  defp range_down(x, step, first, acc) when step > 0 and x < first, do: acc
  defp range_down(x, step, first, acc) when step < 0 and x > first, do: acc
  defp range_down(x, step, first, acc), do: range_down(x - step, step, first, [x | acc])

  # ---- map / filter / reduce ----

  def map(list, fun) when is_list(list), do: map_list(list, fun)
  def map(%{__struct__: Range, first: first, last: last, step: step}, fun) when step > 0 do
    if first > last, do: [], else: map_range_up(first, last, step, fun)
  end
  def map(enum, fun), do: map_list(to_list(enum), fun)

  defp map_list([], _fun), do: []
  defp map_list([h | t], fun), do: [fun.(h) | map_list(t, fun)]

  defp map_range_up(x, last, step, fun) when x > last, do: []
  defp map_range_up(x, last, step, fun), do: [fun.(x) | map_range_up(x + step, last, step, fun)]

  def filter(enum, fun), do: filter_list(to_list(enum), fun)
  defp filter_list([], _fun), do: []
  defp filter_list([h | t], fun) do
    if fun.(h), do: [h | filter_list(t, fun)], else: filter_list(t, fun)
  end

  def reject(enum, fun), do: filter(enum, fn x -> !fun.(x) end)

  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)
  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    cond do
      step > 0 and first <= last -> reduce_up(first, last, step, acc, fun)
      step < 0 and first >= last -> reduce_down(first, last, step, acc, fun)
      true -> acc
    end
  end
  def reduce(enum, acc, fun), do: reduce_list(to_list(enum), acc, fun)

  defp reduce_list([], acc, _fun), do: acc
  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)

  defp reduce_up(x, last, step, acc, fun) when x > last, do: acc
  defp reduce_up(x, last, step, acc, fun), do: reduce_up(x + step, last, step, fun.(x, acc), fun)

  defp reduce_down(x, last, step, acc, fun) when x < last, do: acc
  defp reduce_down(x, last, step, acc, fun), do: reduce_down(x + step, last, step, fun.(x, acc), fun)

  def reduce(enum, fun) do
    case to_list(enum) do
      [h | t] -> reduce_list(t, h, fun)
      [] -> raise Enum.EmptyError
    end
  end

  def each(enum, fun) do
    reduce(enum, nil, fn x, _ -> fun.(x) end)
    :ok
  end

  def sum(enum), do: reduce(enum, 0, fn x, acc -> acc + x end)
  def product(enum), do: reduce(enum, 1, fn x, acc -> acc * x end)

  def count(list) when is_list(list), do: length(list)
  def count(%{__struct__: Range, step: _} = range), do: Range.size(range)
  def count(map) when is_map(map) and not is_struct(map), do: map_size(map)
  def count(enum) do
    case Enumerable.count(enum) do
      {:ok, n} -> n
      {:error, _} -> length(to_list(enum))
    end
  end
  def count(enum, fun), do: reduce(enum, 0, fn x, acc -> if fun.(x), do: acc + 1, else: acc end)

  def reverse(enum), do: :lists.reverse(to_list(enum))
  def reverse(enum, tail), do: :lists.reverse(to_list(enum), to_list(tail))

  def join(enum), do: join(enum, "")
  def join(enum, sep) do
    case to_list(enum) do
      [] -> ""
      [h | t] -> join_rest(t, sep, [to_string(h)])
    end
  end
  defp join_rest([], _sep, acc), do: IO.iodata_to_binary(:lists.reverse(acc))
  defp join_rest([h | t], sep, acc), do: join_rest(t, sep, [to_string(h), sep | acc])

  def map_join(enum, sep \\ "", fun), do: join(map(enum, fun), sep)

  def with_index(enum), do: with_index(enum, 0)
  def with_index(enum, offset) when is_integer(offset), do: index_list(to_list(enum), offset)
  def with_index(enum, fun) when is_function(fun, 2) do
    {list, _} = reduce(enum, {[], 0}, fn x, {acc, i} -> {[fun.(x, i) | acc], i + 1} end)
    :lists.reverse(list)
  end
  defp index_list([], _i), do: []
  defp index_list([h | t], i), do: [{h, i} | index_list(t, i + 1)]

  # ---- queries ----

  def member?(list, x) when is_list(list), do: :lists.member(x, list)
  def member?(%{__struct__: Range, first: first, last: last, step: step}, x) when is_integer(x) do
    cond do
      step > 0 -> x >= first and x <= last and rem(x - first, step) == 0
      true -> x <= first and x >= last and rem(first - x, -step) == 0
    end
  end
  def member?(%{__struct__: Range}, _x), do: false
  def member?(enum, {k, v}) when is_map(enum), do: Map.has_key?(enum, k) and Map.get(enum, k) === v
  def member?(enum, x) when is_map(enum) and not is_struct(enum), do: false
  def member?(enum, x) do
    case Enumerable.member?(enum, x) do
      {:ok, found} -> found
      {:error, _} -> :lists.member(x, to_list(enum))
    end
  end

  def empty?(enum), do: to_list(enum) == []
  def any?(enum), do: any?(enum, fn x -> x end)
  def any?(enum, fun), do: any_list(to_list(enum), fun)
  defp any_list([], _), do: false
  defp any_list([h | t], fun), do: if(fun.(h), do: true, else: any_list(t, fun))
  def all?(enum), do: all?(enum, fn x -> x end)
  def all?(enum, fun), do: all_list(to_list(enum), fun)
  defp all_list([], _), do: true
  defp all_list([h | t], fun), do: if(fun.(h), do: all_list(t, fun), else: false)

  def find_value(enum, default \\ nil, fun), do: find_value_list(to_list(enum), default, fun)
  defp find_value_list([], default, _fun), do: default
  defp find_value_list([h | t], default, fun) do
    case fun.(h) do
      x when x in [nil, false] -> find_value_list(t, default, fun)
      x -> x
    end
  end
  def find(enum, default \\ nil, fun), do: find_list(to_list(enum), default, fun)
  defp find_list([], default, _), do: default
  defp find_list([h | t], default, fun), do: if(fun.(h), do: h, else: find_list(t, default, fun))

  def find_index(enum, fun), do: find_index_list(to_list(enum), 0, fun)
  defp find_index_list([], _, _), do: nil
  defp find_index_list([h | t], i, fun), do: if(fun.(h), do: i, else: find_index_list(t, i + 1, fun))

  def at(enum, index, default \\ nil) do
    list = to_list(enum)
    index = if index < 0, do: length(list) + index, else: index
    at_list(list, index, default)
  end
  defp at_list(_, i, default) when i < 0, do: default
  defp at_list([], _, default), do: default
  defp at_list([h | _], 0, _), do: h
  defp at_list([_ | t], i, default), do: at_list(t, i - 1, default)

  def fetch(enum, index) do
    list = to_list(enum)
    index = if index < 0, do: length(list) + index, else: index
    case at_list(list, index, :__beamlet_none) do
      :__beamlet_none -> :error
      x -> {:ok, x}
    end
  end

  def fetch!(enum, index) do
    case fetch(enum, index) do
      {:ok, x} -> x
      :error -> raise Enum.OutOfBoundsError
    end
  end

  def min(enum), do: reduce(enum, fn x, acc -> if x < acc, do: x, else: acc end)
  def max(enum), do: reduce(enum, fn x, acc -> if x > acc, do: x, else: acc end)
  def min_by(enum, fun), do: reduce(enum, fn x, acc -> if fun.(x) < fun.(acc), do: x, else: acc end)
  def max_by(enum, fun), do: reduce(enum, fn x, acc -> if fun.(x) > fun.(acc), do: x, else: acc end)

  # With a sorter: a function (`acc` stays while `sorter.(acc, x)`), or a
  # module with `compare/2` (`Date`), as in Elixir.
  def min(enum, sorter) when is_function(sorter, 2) or is_atom(sorter) do
    keep = min_max_sorter(sorter, :min)
    reduce(enum, fn x, acc -> if keep.(acc, x), do: acc, else: x end)
  end

  def max(enum, sorter) when is_function(sorter, 2) or is_atom(sorter) do
    keep = min_max_sorter(sorter, :max)
    reduce(enum, fn x, acc -> if keep.(acc, x), do: acc, else: x end)
  end

  def min_by(enum, fun, sorter) when is_function(sorter, 2) or is_atom(sorter) do
    keep = min_max_sorter(sorter, :min)
    reduce(enum, fn x, acc -> if keep.(fun.(acc), fun.(x)), do: acc, else: x end)
  end

  def max_by(enum, fun, sorter) when is_function(sorter, 2) or is_atom(sorter) do
    keep = min_max_sorter(sorter, :max)
    reduce(enum, fn x, acc -> if keep.(fun.(acc), fun.(x)), do: acc, else: x end)
  end

  defp min_max_sorter(sorter, _) when is_function(sorter, 2), do: sorter
  defp min_max_sorter(module, :min), do: fn a, b -> module.compare(a, b) != :gt end
  defp min_max_sorter(module, :max), do: fn a, b -> module.compare(a, b) != :lt end

  # ---- slicing and reshaping ----

  def take(enum, n) when n >= 0, do: take_list(to_list(enum), n)
  def take(enum, n), do: :lists.reverse(take_list(:lists.reverse(to_list(enum)), -n))
  defp take_list(_, 0), do: []
  defp take_list([], _), do: []
  defp take_list([h | t], n), do: [h | take_list(t, n - 1)]

  def drop(enum, n) when n >= 0, do: drop_list(to_list(enum), n)
  def drop(enum, n), do: :lists.reverse(drop_list(:lists.reverse(to_list(enum)), -n))
  defp drop_list(list, 0), do: list
  defp drop_list([], _), do: []
  defp drop_list([_ | t], n), do: drop_list(t, n - 1)

  def take_while(enum, fun), do: take_while_list(to_list(enum), fun)
  defp take_while_list([], _), do: []
  defp take_while_list([h | t], fun), do: if(fun.(h), do: [h | take_while_list(t, fun)], else: [])

  def drop_while(enum, fun), do: drop_while_list(to_list(enum), fun)
  defp drop_while_list([], _), do: []
  defp drop_while_list([h | t] = l, fun), do: if(fun.(h), do: drop_while_list(t, fun), else: l)

  def split(enum, n), do: {take(enum, n), drop(enum, n)}

  def zip(a, b), do: zip_list(to_list(a), to_list(b))
  defp zip_list([x | xs], [y | ys]), do: [{x, y} | zip_list(xs, ys)]
  defp zip_list(_, _), do: []

  def flat_map(enum, fun), do: reduce(enum, [], fn x, acc -> :lists.reverse(to_list(fun.(x)), acc) end) |> :lists.reverse()

  def concat(enums), do: flat_map(enums, fn e -> to_list(e) end)
  def concat(a, b), do: to_list(a) ++ to_list(b)

  def into(enum, collectable) when is_list(collectable), do: collectable ++ to_list(enum)
  def into(enum, collectable) when is_bitstring(collectable), do: collect(enum, collectable)
  def into(enum, %{__struct__: _} = s), do: collect(enum, s)
  def into(enum, collectable) when is_map(collectable), do: Map.merge(collectable, Map.new(to_list(enum)))

  # Collects into anything Collectable: its function gets each element,
  # then :done (or :halt when the traversal raises).
  defp collect(enum, collectable) do
    {acc, fun} = Collectable.into(collectable)

    try do
      reduce(enum, acc, fn x, acc -> fun.(acc, {:cont, x}) end)
    catch
      kind, reason ->
        fun.(acc, :halt)
        :erlang.raise(kind, reason, __STACKTRACE__)
    else
      acc -> fun.(acc, :done)
    end
  end

  @doc false
  # `for ... into: collectable`: `run.(fun, acc)` runs the comprehension,
  # handing each element to `fun` (with `uniq: true`, each distinct one).
  # `for ..., into: "literal"`: the elements appended to the binary; one
  # that is not a bitstring raises as Elixir's compiled comprehension does.
  @doc false
  def __for_into_binary__(list, binary) do
    case Enum.find(list, &(not is_bitstring(&1))) do
      nil -> collect(list, binary)
      bad -> raise ArgumentError, "argument error: " <> inspect(bad)
    end
  end

  def __for_into__(collectable, uniq, run) do
    {acc0, fun} = Collectable.into(collectable)

    try do
      if uniq do
        distinct = fn {acc, seen}, {:cont, x} = cont ->
          if Map.has_key?(seen, x), do: {acc, seen}, else: {fun.(acc, cont), Map.put(seen, x, true)}
        end

        elem(run.(distinct, {acc0, %{}}), 0)
      else
        run.(fun, acc0)
      end
    catch
      kind, reason ->
        fun.(acc0, :halt)
        :erlang.raise(kind, reason, __STACKTRACE__)
    else
      acc -> fun.(acc, :done)
    end
  end

  def uniq(enum), do: uniq_list(to_list(enum), %{})
  defp uniq_list([], _), do: []
  defp uniq_list([h | t], seen) do
    if Map.has_key?(seen, h), do: uniq_list(t, seen), else: [h | uniq_list(t, Map.put(seen, h, true))]
  end

  def dedup(enum), do: dedup_list(to_list(enum))
  defp dedup_list([a, a | t]), do: dedup_list([a | t])
  defp dedup_list([a | t]), do: [a | dedup_list(t)]
  defp dedup_list([]), do: []

  def sort(enum), do: :lists.sort(to_list(enum))
  def sort(enum, :asc), do: sort(enum)
  def sort(enum, sorter), do: merge_sort(to_list(enum), to_sort_fun(sorter))

  def sort_by(enum, mapper, sorter \\ :asc) do
    sorter = to_sort_fun(sorter)
    fun = fn {a, _}, {b, _} -> sorter.(a, b) end
    enum |> map(fn x -> {mapper.(x), x} end) |> merge_sort(fun) |> map(fn {_, x} -> x end)
  end

  # A sorter as a function: `:asc`, `:desc`, a module with `compare/2`
  # (`Date`), `{:asc, module}` or `{:desc, module}`.
  defp to_sort_fun(fun) when is_function(fun, 2), do: fun
  defp to_sort_fun(:asc), do: fn a, b -> a <= b end
  defp to_sort_fun(:desc), do: fn a, b -> a >= b end
  defp to_sort_fun({:asc, module}) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end
  defp to_sort_fun({:desc, module}) when is_atom(module), do: fn a, b -> module.compare(a, b) != :lt end
  defp to_sort_fun(module) when is_atom(module), do: fn a, b -> module.compare(a, b) != :gt end

  defp merge_sort([], _), do: []
  defp merge_sort([x], _), do: [x]
  defp merge_sort(list, fun) do
    {a, b} = split_half(list, [], list)
    merge(merge_sort(a, fun), merge_sort(b, fun), fun)
  end
  defp split_half([h | t], acc, [_, _ | rest]), do: split_half(t, [h | acc], rest)
  defp split_half(list, acc, _), do: {:lists.reverse(acc), list}
  defp merge([], b, _), do: b
  defp merge(a, [], _), do: a
  defp merge([x | xs] = a, [y | ys] = b, fun) do
    if fun.(x, y), do: [x | merge(xs, b, fun)], else: [y | merge(a, ys, fun)]
  end

  def group_by(enum, key_fun) do
    enum
    |> reverse()
    |> reduce(%{}, fn x, acc ->
      k = key_fun.(x)
      Map.put(acc, k, [x | Map.get(acc, k, [])])
    end)
  end

  def frequencies(enum), do: reduce(enum, %{}, fn x, acc -> Map.put(acc, x, Map.get(acc, x, 0) + 1) end)

  def chunk_every(enum, n), do: chunk_list(to_list(enum), n)
  defp chunk_list([], _), do: []
  defp chunk_list(list, n), do: [take_list(list, n) | chunk_list(drop_list(list, n), n)]

  def split_with(enum, fun) do
    {a, b} = reduce(enum, {[], []}, fn x, {yes, no} -> if fun.(x), do: {[x | yes], no}, else: {yes, [x | no]} end)
    {:lists.reverse(a), :lists.reverse(b)}
  end

  def scan(enum, acc, fun) do
    {list, _} = reduce(enum, {[], acc}, fn x, {l, a} -> n = fun.(x, a); {[n | l], n} end)
    :lists.reverse(list)
  end

  def map_reduce(enum, acc, fun) do
    {list, acc} = reduce(enum, {[], acc}, fn x, {l, a} -> {y, a2} = fun.(x, a); {[y | l], a2} end)
    {:lists.reverse(list), acc}
  end

  def reduce_while(enum, acc, fun), do: reduce_while_list(to_list(enum), acc, fun)
  defp reduce_while_list([], acc, _), do: acc
  defp reduce_while_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> reduce_while_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end

  def slice(enum, first, count), do: enum |> drop(first) |> take(count)
  def random(_enum), do: raise(ArgumentError, "Enum.random/1 is not supported by beamlet yet")
end
