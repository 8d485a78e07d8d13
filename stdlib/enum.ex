# Enum: Elixir 1.14's functions over any enumerable, written in the language
# itself so the interpreter never re-enters itself from Rust.
#
# Lists go through list clauses (plain recursion, the interpreter's fast path);
# ranges and plain maps through their own clauses where that pays; anything
# else (structs, streams, functions) through the Enumerable protocol. Functions
# that can stop early (take, find, any?, at, reduce_while, zip...) halt the
# traversal (`{:halt, acc}`), so they work on infinite streams and let
# resources close.
defmodule Enum do
  @moduledoc """
  Functions over enumerables: lists, ranges, maps, MapSets, streams and
  anything implementing the `Enumerable` protocol.
  """

  # ---- the traversals every function is built on ----

  @doc "Reduces the enumerable with `fun`, starting from `acc`."
  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)

  def reduce(%{__struct__: Range, first: first, last: last, step: step}, acc, fun) do
    cond do
      step > 0 and first <= last -> reduce_up(first, last, step, acc, fun)
      step < 0 and first >= last -> reduce_down(first, last, step, acc, fun)
      true -> acc
    end
  end

  def reduce(%{__struct__: _} = enumerable, acc, fun), do: reduce_protocol(enumerable, acc, fun)
  # A plain map folds as `:maps.fold/3` does (as Elixir's reduce/3 does):
  # a map of over 32 keys in the reverse of `Map.to_list/1`'s order.
  def reduce(map, acc, fun) when is_map(map), do: reduce_list(:beamlet.map_fold_list(map), acc, fun)
  def reduce(enumerable, acc, fun), do: reduce_protocol(enumerable, acc, fun)

  defp reduce_protocol(enumerable, acc, fun) do
    elem(Enumerable.reduce(enumerable, {:cont, acc}, fn x, acc -> {:cont, fun.(x, acc)} end), 1)
  end

  defp reduce_list([h | t], acc, fun), do: reduce_list(t, fun.(h, acc), fun)
  defp reduce_list([], acc, _fun), do: acc

  defp reduce_up(x, last, _step, acc, _fun) when x > last, do: acc
  defp reduce_up(x, last, step, acc, fun), do: reduce_up(x + step, last, step, fun.(x, acc), fun)

  defp reduce_down(x, last, _step, acc, _fun) when x < last, do: acc
  defp reduce_down(x, last, step, acc, fun), do: reduce_down(x + step, last, step, fun.(x, acc), fun)

  @doc "Reduces with the first element as the starting accumulator; raises `Enum.EmptyError` when empty."
  def reduce([h | t], fun), do: reduce_list(t, h, fun)
  def reduce([], _fun), do: raise(Enum.EmptyError)

  # Elixir's reduce/2 goes through the Enumerable protocol: a map in
  # `Map.to_list/1`'s order, not `:maps.fold/3`'s as reduce/3.
  def reduce(%{} = map, fun) when not is_struct(map), do: reduce(Map.to_list(map), fun)

  def reduce(enumerable, fun) do
    result =
      reduce(enumerable, :__beamlet_empty__, fn
        x, :__beamlet_empty__ -> {:__beamlet_acc__, x}
        x, {:__beamlet_acc__, acc} -> {:__beamlet_acc__, fun.(x, acc)}
      end)

    case result do
      {:__beamlet_acc__, acc} -> acc
      :__beamlet_empty__ -> raise Enum.EmptyError
    end
  end

  # A traversal `fun` may stop: it answers `{:cont, acc}` or `{:halt, acc}`.
  defp halt_reduce(list, acc, fun) when is_list(list), do: halt_list(list, acc, fun)
  defp halt_reduce(enumerable, acc, fun), do: elem(Enumerable.reduce(enumerable, {:cont, acc}, fun), 1)

  defp halt_list([h | t], acc, fun) do
    case fun.(h, acc) do
      {:cont, acc} -> halt_list(t, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp halt_list([], acc, _fun), do: acc

  @doc "Reduces while `fun` answers `{:cont, acc}`; `{:halt, acc}` stops."
  def reduce_while(list, acc, fun) when is_list(list), do: halt_list(list, acc, fun)
  def reduce_while(enumerable, acc, fun), do: elem(Enumerable.reduce(enumerable, {:cont, acc}, fun), 1)

  @doc "The elements as a list."
  def to_list(list) when is_list(list), do: list

  def to_list(%{__struct__: Range, first: first, last: last, step: step}),
    do: range_list(first, last, step)

  def to_list(%{__struct__: _} = enumerable), do: protocol_list(enumerable)
  def to_list(map) when is_map(map), do: Map.to_list(map)
  def to_list(enumerable), do: protocol_list(enumerable)

  defp protocol_list(enumerable) do
    enumerable
    |> Enumerable.reduce({:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    |> elem(1)
    |> :lists.reverse()
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

  # ---- all? / any? / member? / empty? / count ----

  @doc "Whether every element is truthy (or `fun` answers truthy for each)."
  def all?(enumerable), do: all?(enumerable, fn x -> x end)

  def all?(list, fun) when is_list(list), do: all_list(list, fun)

  def all?(enumerable, fun) do
    halt_reduce(enumerable, true, fn x, _ -> if fun.(x), do: {:cont, true}, else: {:halt, false} end)
  end

  defp all_list([h | t], fun), do: if(fun.(h), do: all_list(t, fun), else: false)
  defp all_list([], _fun), do: true

  @doc "Whether some element is truthy (or `fun` answers truthy for one)."
  def any?(enumerable), do: any?(enumerable, fn x -> x end)

  def any?(list, fun) when is_list(list), do: any_list(list, fun)

  def any?(enumerable, fun) do
    halt_reduce(enumerable, false, fn x, _ -> if fun.(x), do: {:halt, true}, else: {:cont, false} end)
  end

  defp any_list([h | t], fun), do: if(fun.(h), do: true, else: any_list(t, fun))
  defp any_list([], _fun), do: false

  @doc "Whether `element` is in the enumerable (strict equality for lists)."
  def member?(list, element) when is_list(list), do: :lists.member(element, list)

  def member?(enumerable, element) do
    case Enumerable.member?(enumerable, element) do
      {:ok, found} when is_boolean(found) ->
        found

      {:error, module} ->
        module.reduce(enumerable, {:cont, false}, fn
          x, _ when x === element -> {:halt, true}
          _, _ -> {:cont, false}
        end)
        |> elem(1)
    end
  end

  @doc "Whether the enumerable has no element."
  def empty?(list) when is_list(list), do: list == []
  def empty?(%{__struct__: Range} = range), do: Range.size(range) == 0
  def empty?(map) when is_map(map) and not is_struct(map), do: map_size(map) == 0

  def empty?(enumerable) do
    case Enumerable.slice(enumerable) do
      {:ok, size, _} ->
        size == 0

      {:error, module} ->
        elem(module.reduce(enumerable, {:cont, true}, fn _, _ -> {:halt, false} end), 1)
    end
  end

  @doc "The number of elements."
  def count(list) when is_list(list), do: length(list)
  def count(map) when is_map(map) and not is_struct(map), do: map_size(map)
  def count(%{__struct__: Range, first: _, last: _, step: _} = range), do: Range.size(range)

  def count(enumerable) do
    case Enumerable.count(enumerable) do
      {:ok, n} when is_integer(n) ->
        n

      {:error, module} ->
        elem(module.reduce(enumerable, {:cont, 0}, fn _, n -> {:cont, n + 1} end), 1)
    end
  end

  @doc "The number of elements for which `fun` is truthy."
  def count(enumerable, fun) do
    reduce(enumerable, 0, fn x, n -> if fun.(x), do: n + 1, else: n end)
  end

  @doc "The number of elements, counting at most to `limit`."
  def count_until(enumerable, limit) when is_integer(limit) and limit > 0 do
    case enumerable do
      list when is_list(list) ->
        count_until_list(list, limit, 0)

      _ ->
        case Enumerable.count(enumerable) do
          {:ok, n} ->
            Kernel.min(n, limit)

          {:error, module} ->
            module.reduce(enumerable, {:cont, 0}, fn
              _, n when n + 1 >= limit -> {:halt, limit}
              _, n -> {:cont, n + 1}
            end)
            |> elem(1)
        end
    end
  end

  @doc "The number of elements for which `fun` is truthy, counting at most to `limit`."
  def count_until(enumerable, fun, limit) when is_integer(limit) and limit > 0 do
    halt_reduce(enumerable, 0, fn x, n ->
      if fun.(x) do
        if n + 1 >= limit, do: {:halt, limit}, else: {:cont, n + 1}
      else
        {:cont, n}
      end
    end)
  end

  defp count_until_list(_, limit, limit), do: limit
  defp count_until_list([_ | t], limit, n), do: count_until_list(t, limit, n + 1)
  defp count_until_list([], _limit, n), do: n

  # ---- each / map / filter / reject / flat_map ----

  @doc "Calls `fun` on each element; returns `:ok`."
  def each(list, fun) when is_list(list), do: each_list(list, fun)

  def each(enumerable, fun) do
    reduce(enumerable, nil, fn x, _ ->
      fun.(x)
      nil
    end)

    :ok
  end

  defp each_list([h | t], fun) do
    fun.(h)
    each_list(t, fun)
  end

  defp each_list([], _fun), do: :ok

  @doc "The list of `fun` applied to each element."
  def map(list, fun) when is_list(list), do: map_list(list, fun)

  # A range too (its walk is `reduce_up`/`reduce_down`), so a callback's
  # error shows Elixir's frames: the fun, `Enum.reduce_range/5`, `Enum.map/2`.
  def map(enumerable, fun) do
    enumerable |> reduce([], fn x, acc -> [fun.(x) | acc] end) |> :lists.reverse()
  end

  defp map_list([h | t], fun), do: [fun.(h) | map_list(t, fun)]
  defp map_list([], _fun), do: []

  @doc "The elements for which `fun` is truthy."
  def filter(list, fun) when is_list(list), do: filter_list(list, fun)

  def filter(enumerable, fun) do
    enumerable |> reduce([], fn x, acc -> if fun.(x), do: [x | acc], else: acc end) |> :lists.reverse()
  end

  defp filter_list([h | t], fun), do: if(fun.(h), do: [h | filter_list(t, fun)], else: filter_list(t, fun))
  defp filter_list([], _fun), do: []

  @doc "The elements for which `fun` is falsy."
  def reject(list, fun) when is_list(list), do: reject_list(list, fun)

  def reject(enumerable, fun) do
    enumerable |> reduce([], fn x, acc -> if fun.(x), do: acc, else: [x | acc] end) |> :lists.reverse()
  end

  defp reject_list([h | t], fun), do: if(fun.(h), do: reject_list(t, fun), else: [h | reject_list(t, fun)])
  defp reject_list([], _fun), do: []

  @doc false
  # Deprecated in Elixir: filter, then map.
  def filter_map(enumerable, filter, mapper) do
    enumerable
    |> reduce([], fn x, acc -> if filter.(x), do: [mapper.(x) | acc], else: acc end)
    |> :lists.reverse()
  end

  @doc "Maps each element to an enumerable and flattens the results one level."
  def flat_map(list, fun) when is_list(list), do: flat_map_list(list, fun)

  def flat_map(enumerable, fun) do
    enumerable
    |> reduce([], fn x, acc ->
      case fun.(x) do
        list when is_list(list) -> :lists.reverse(list, acc)
        other -> reduce(other, acc, &[&1 | &2])
      end
    end)
    |> :lists.reverse()
  end

  defp flat_map_list([h | t], fun) do
    case fun.(h) do
      list when is_list(list) -> list ++ flat_map_list(t, fun)
      other -> to_list(other) ++ flat_map_list(t, fun)
    end
  end

  defp flat_map_list([], _fun), do: []

  @doc "The elements of each enumerable of `enumerables`, in order."
  def concat(enumerables) do
    if is_list(enumerables) and all_list(enumerables, &is_list/1),
      do: :lists.append(enumerables),
      else: flat_map(enumerables, &reduce_order_list/1)
  end

  # The elements in the order reduce/3 visits them (for a map, :maps.fold's).
  defp reduce_order_list(list) when is_list(list), do: list
  defp reduce_order_list(%{} = map) when not is_struct(map), do: :beamlet.map_fold_list(map)
  defp reduce_order_list(enumerable), do: to_list(enumerable)

  @doc "The elements of `left`, then those of `right`."
  def concat(left, right) when is_list(left) and is_list(right), do: left ++ right
  def concat(left, right), do: concat([left, right])

  @doc "`flat_map` with an accumulator; `fun` may answer `{:halt, acc}` to stop."
  def flat_map_reduce(enumerable, acc, fun) do
    {_, {list, acc}} =
      Enumerable.reduce(enumerable, {:cont, {[], acc}}, fn x, {list, acc} ->
        case fun.(x, acc) do
          {:halt, acc} ->
            {:halt, {list, acc}}

          {[], acc} ->
            {:cont, {list, acc}}

          {[entry], acc} ->
            {:cont, {[entry | list], acc}}

          {entries, acc} ->
            {:cont, {reduce(entries, list, &[&1 | &2]), acc}}
        end
      end)

    {:lists.reverse(list), acc}
  end

  @doc "Maps and reduces in one pass: `fun` answers `{mapped, acc}`."
  def map_reduce(list, acc, fun) when is_list(list), do: map_reduce_list(list, acc, fun, [])

  def map_reduce(enumerable, acc, fun) do
    {list, acc} =
      reduce(enumerable, {[], acc}, fn x, {list, acc} ->
        {y, acc} = fun.(x, acc)
        {[y | list], acc}
      end)

    {:lists.reverse(list), acc}
  end

  defp map_reduce_list([h | t], acc, fun, out) do
    {y, acc} = fun.(h, acc)
    map_reduce_list(t, acc, fun, [y | out])
  end

  defp map_reduce_list([], acc, _fun, out), do: {:lists.reverse(out), acc}

  @doc "`fun` applied to every `nth` element, starting with the first."
  def map_every(enumerable, 1, fun), do: map(enumerable, fun)
  def map_every(enumerable, 0, _fun), do: to_list(enumerable)
  def map_every([], nth, _fun) when is_integer(nth) and nth > 1, do: []

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth > 1 do
    {list, _} =
      reduce(enumerable, {[], 0}, fn x, {acc, i} ->
        if i == 0, do: {[fun.(x) | acc], nth - 1}, else: {[x | acc], i - 1}
      end)

    :lists.reverse(list)
  end

  @doc "The elements with `separator` between each two."
  def intersperse(enumerable, separator) do
    list =
      reduce(enumerable, [], fn
        x, [] -> [x]
        x, acc -> [x, separator | acc]
      end)

    :lists.reverse(list)
  end

  @doc "`mapper` applied to each element, with `separator` between each two."
  def map_intersperse(list, separator, mapper) when is_list(list), do: map_intersperse_list(list, separator, mapper)

  def map_intersperse(enumerable, separator, mapper) do
    list =
      reduce(enumerable, [], fn
        x, [] -> [mapper.(x)]
        x, acc -> [mapper.(x), separator | acc]
      end)

    :lists.reverse(list)
  end

  defp map_intersperse_list([], _, _), do: []
  defp map_intersperse_list([last], _, mapper), do: map_intersperse_last(last, mapper)
  defp map_intersperse_list([h | t], sep, mapper), do: [mapper.(h), sep | map_intersperse_list(t, sep, mapper)]

  # (Elixir's last clause: its own function, so its frame has its line.)
  defp map_intersperse_last(last, mapper), do: [mapper.(last)]

  # ---- numbers ----

  @doc "The sum of the elements (`ArithmeticError` for a non-number)."
  def sum(%{__struct__: Range, first: first, last: _, step: step} = range) do
    case Range.size(range) do
      0 -> 0
      n -> div(n * (first + first + (n - 1) * step), 2)
    end
  end

  def sum(enumerable), do: reduce(enumerable, 0, &+/2)

  @doc "The product of the elements."
  def product(enumerable), do: reduce(enumerable, 1, &*/2)

  # ---- finding ----

  @doc "The first element for which `fun` is truthy, or `default`."
  def find(enumerable, default \\ nil, fun)
  def find(list, default, fun) when is_list(list), do: find_list(list, default, fun)

  def find(enumerable, default, fun) do
    halt_reduce(enumerable, default, fn x, acc -> if fun.(x), do: {:halt, x}, else: {:cont, acc} end)
  end

  defp find_list([h | t], default, fun), do: if(fun.(h), do: h, else: find_list(t, default, fun))
  defp find_list([], default, _fun), do: default

  @doc "The index of the first element for which `fun` is truthy, or nil."
  def find_index(list, fun) when is_list(list), do: find_index_list(list, 0, fun)

  def find_index(enumerable, fun) do
    result =
      halt_reduce(enumerable, {:not_found, 0}, fn x, {_, i} ->
        if fun.(x), do: {:halt, {:found, i}}, else: {:cont, {:not_found, i + 1}}
      end)

    case result do
      {:found, i} -> i
      {:not_found, _} -> nil
    end
  end

  defp find_index_list([h | t], i, fun), do: if(fun.(h), do: i, else: find_index_list(t, i + 1, fun))
  defp find_index_list([], _i, _fun), do: nil

  @doc "The first truthy value `fun` answers, or `default`."
  def find_value(enumerable, default \\ nil, fun)
  def find_value(list, default, fun) when is_list(list), do: find_value_list(list, default, fun)

  def find_value(enumerable, default, fun) do
    halt_reduce(enumerable, default, fn x, acc ->
      value = fun.(x)
      if value, do: {:halt, value}, else: {:cont, acc}
    end)
  end

  defp find_value_list([h | t], default, fun) do
    value = fun.(h)
    if value, do: value, else: find_value_list(t, default, fun)
  end

  defp find_value_list([], default, _fun), do: default

  # ---- positions: at, fetch, slice, take, drop, split ----

  @doc "The element at `index` (negative counts from the end), or `default`."
  def at(enumerable, index, default \\ nil) when is_integer(index) do
    case slice_index(enumerable, index) do
      [value] -> value
      [] -> default
    end
  end

  @doc "`{:ok, element}` at `index`, or `:error`."
  def fetch(enumerable, index) when is_integer(index) do
    case slice_index(enumerable, index) do
      [value] -> {:ok, value}
      [] -> :error
    end
  end

  @doc "The element at `index`; raises `Enum.OutOfBoundsError` when there is none."
  def fetch!(enumerable, index) when is_integer(index) do
    case slice_index(enumerable, index) do
      [value] -> value
      [] -> raise Enum.OutOfBoundsError
    end
  end

  defp slice_index(list, index) when is_list(list) and index >= 0 do
    case drop_list(list, index) do
      [h | _] -> [h]
      [] -> []
    end
  end

  defp slice_index(enumerable, index) when index >= 0, do: slice_forward(enumerable, index, 1, 1)

  defp slice_index(enumerable, index) do
    {count, fun} = count_and_slicer(enumerable)
    start = count + index
    if start >= 0, do: fun.(start, 1, 1), else: []
  end

  @doc "The elements at the indices of `range` (negative indices count from the end)."
  def slice(enumerable, %{__struct__: Range, first: first, last: last} = range) do
    step =
      case range do
        %{step: step} -> step
        _ -> if first <= last, do: 1, else: -1
      end

    cond do
      step == -1 or step > 0 ->
        step = Kernel.max(step, 1)

        if first >= 0 and last >= 0 do
          # No count needed: works on infinite streams.
          if last >= first, do: slice_forward(enumerable, first, last - first + 1, step), else: []
        else
          {count, fun} = count_and_slicer(enumerable)

          cond do
            # `first..-1//step`: every `step`th element from `first` to the
            # end, which Elixir 1.14 takes apart from the protocol's stepped
            # slicing (whose steps over a stepped range differ: see
            # stdlib/enumerable/range.ex).
            last == -1 and first >= 0 and step > 1 ->
              if first < count, do: fun.(first, count - first, 1) |> take_every_list(step - 1, 0), else: []

            true ->
              first = if first >= 0, do: first, else: Kernel.max(first + count, 0)
              last = if last >= 0, do: last, else: last + count
              amount = last - first + 1

              if first < count and amount > 0,
                do: fun.(first, Kernel.min(amount, count - first), step),
                else: []
          end
        end

      true ->
        raise ArgumentError,
              "Enum.slice/2 does not accept ranges with negative steps, got: #{inspect(range)}"
    end
  end

  @doc "`amount` elements from index `start` (negative counts from the end)."
  def slice(_enumerable, start, 0) when is_integer(start), do: []

  def slice(enumerable, start, amount)
      when is_integer(start) and start >= 0 and is_integer(amount) and amount > 0 do
    slice_forward(enumerable, start, amount, 1)
  end

  def slice(enumerable, start, amount) when is_integer(start) and is_integer(amount) and amount > 0 do
    {count, fun} = count_and_slicer(enumerable)
    start = Kernel.max(count + start, 0)

    if start < count, do: fun.(start, Kernel.min(amount, count - start), 1), else: []
  end

  # The elements at `start`, `start + step`, ... below `start + span`, without
  # counting the enumerable first.
  defp slice_forward(list, start, span, step) when is_list(list) do
    list |> drop_list(start) |> take_stepped(span, step)
  end

  defp slice_forward(enumerable, start, span, step) do
    case Enumerable.slice(enumerable) do
      {:ok, count, fun} when start < count ->
        span_slicer(fun, enumerable, count).(start, Kernel.min(span, count - start), step)

      {:ok, _count, _fun} ->
        []

      {:error, module} ->
        slice_by_reduce(module, enumerable, start, span, step)
    end
  end

  # The protocol's slicing function as `(start, span, step)`: the elements at
  # `start`, `start + step`, ... below `start + span`. Arity 3 takes (start,
  # amount, step); arity 2 (start, length) and arity 1 (the whole list) are
  # older forms, whose stepped slices keep `span` elements, as Elixir 1.14's.
  defp span_slicer(fun, _enumerable, _count) when is_function(fun, 3) do
    fn start, span, step -> fun.(start, div(span - 1, step) + 1, step) end
  end

  defp span_slicer(fun, _enumerable, count) when is_function(fun, 2) do
    fn
      start, span, 1 -> fun.(start, span)
      start, span, step -> fun.(start, count - start) |> take_every_list(step - 1, 0) |> take_list(span)
    end
  end

  defp span_slicer(fun, enumerable, _count) when is_function(fun, 1) do
    fn
      start, span, 1 -> fun.(enumerable) |> drop_list(start) |> take_list(span)
      start, span, step -> fun.(enumerable) |> drop_list(start) |> take_every_list(step - 1, 0) |> take_list(span)
    end
  end

  # The protocol's slicing function as `(start, span, step)` when the count
  # is known (negative indices): the elements at `start`, `start + step`,
  # ... below `start + span`, whatever the function's arity, as Elixir
  # 1.14's `slice_count_and_fun` gives them (its forward path keeps `span`
  # elements of older forms: `span_slicer/3`).
  defp exact_slicer(fun, _enumerable) when is_function(fun, 3) do
    fn start, span, step -> fun.(start, div(span - 1, step) + 1, step) end
  end

  defp exact_slicer(fun, _enumerable) when is_function(fun, 2) do
    fn start, span, step -> fun.(start, span) |> take_every_list(step - 1, 0) end
  end

  defp exact_slicer(fun, enumerable) when is_function(fun, 1) do
    fn start, span, step ->
      fun.(enumerable) |> drop_list(start) |> take_list(span) |> take_every_list(step - 1, 0)
    end
  end

  defp slice_by_reduce(module, enumerable, start, span, step) do
    {_, {_, _, list}} =
      module.reduce(enumerable, {:cont, {start, 0, []}}, fn
        _x, {skip, taken, acc} when skip > 0 ->
          {:cont, {skip - 1, taken, acc}}

        x, {0, taken, acc} ->
          acc = if rem(taken, step) == 0, do: [x | acc], else: acc
          taken = taken + 1
          if taken >= span, do: {:halt, {0, taken, acc}}, else: {:cont, {0, taken, acc}}
      end)

    :lists.reverse(list)
  end

  # The size and a slicing function `(start, amount, step)` for the whole
  # enumerable, counting it (into a list) when it cannot say its size.
  defp count_and_slicer(list) when is_list(list) do
    {length(list), fn start, amount, step -> slice_list(list, start, amount, step) end}
  end

  defp count_and_slicer(enumerable) do
    case Enumerable.slice(enumerable) do
      {:ok, count, fun} ->
        {count, exact_slicer(fun, enumerable)}

      {:error, module} ->
        list =
          module.reduce(enumerable, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
          |> elem(1)
          |> :lists.reverse()

        {length(list), fn start, span, step -> slice_list(list, start, span, step) end}
    end
  end

  # The elements at `start`, `start + step`, ... below `start + span`.
  defp slice_list(list, start, amount, step) do
    list |> drop_list(start) |> take_stepped(amount, step)
  end

  defp take_stepped(list, span, 1), do: take_list(list, span)
  defp take_stepped(list, span, step), do: list |> take_list(span) |> take_every_list(step - 1, 0)

  @doc "The first `amount` elements (the last ones when negative)."
  def take(_enumerable, 0), do: []
  def take(list, amount) when is_list(list) and is_integer(amount) and amount > 0, do: take_list(list, amount)

  def take(enumerable, amount) when is_integer(amount) and amount > 0 do
    {_, {list, _}} =
      Enumerable.reduce(enumerable, {:cont, {[], amount}}, fn
        x, {acc, 1} -> {:halt, {[x | acc], 0}}
        x, {acc, n} -> {:cont, {[x | acc], n - 1}}
      end)

    :lists.reverse(list)
  end

  def take(enumerable, amount) when is_integer(amount) and amount < 0 do
    {count, fun} = count_and_slicer(enumerable)
    first = Kernel.max(amount + count, 0)
    if count - first > 0, do: fun.(first, count - first, 1), else: []
  end

  defp take_list([h | t], n) when n > 0, do: [h | take_list(t, n - 1)]
  defp take_list(_, _), do: []

  @doc "The enumerable without its first `amount` elements (the last ones when negative)."
  def drop(list, amount) when is_list(list) and is_integer(amount) and amount >= 0, do: drop_list(list, amount)
  def drop(enumerable, 0), do: to_list(enumerable)

  def drop(enumerable, amount) when is_integer(amount) and amount > 0 do
    {list, _} =
      reduce(enumerable, {[], amount}, fn
        _x, {acc, n} when n > 0 -> {acc, n - 1}
        x, {acc, 0} -> {[x | acc], 0}
      end)

    :lists.reverse(list)
  end

  def drop(enumerable, amount) when is_integer(amount) and amount < 0 do
    {count, fun} = count_and_slicer(enumerable)
    keep = amount + count
    if keep > 0, do: fun.(0, keep, 1), else: []
  end

  defp drop_list(list, 0), do: list
  defp drop_list([_ | t], n), do: drop_list(t, n - 1)
  defp drop_list([], _), do: []

  @doc "The first element, then every `nth` after it."
  def take_every(_enumerable, 0), do: []
  def take_every(enumerable, 1), do: to_list(enumerable)

  def take_every(list, nth) when is_list(list) and is_integer(nth) and nth > 1,
    do: take_every_list(list, nth - 1, 0)

  def take_every(enumerable, nth) when is_integer(nth) and nth > 1 do
    {list, _} =
      reduce(enumerable, {[], 0}, fn x, {acc, i} ->
        if i == 0, do: {[x | acc], nth - 1}, else: {acc, i - 1}
      end)

    :lists.reverse(list)
  end

  # Keeps an element, then skips `skip`.
  defp take_every_list([h | t], skip, 0), do: [h | take_every_list(t, skip, skip)]
  defp take_every_list([_ | t], skip, n), do: take_every_list(t, skip, n - 1)
  defp take_every_list([], _skip, _n), do: []

  @doc "The enumerable without its first element and every `nth` after it."
  def drop_every(_enumerable, 1), do: []
  def drop_every(enumerable, 0), do: to_list(enumerable)

  def drop_every(enumerable, nth) when is_integer(nth) and nth > 1 do
    {list, _} =
      reduce(enumerable, {[], 0}, fn x, {acc, i} ->
        if i == 0, do: {acc, nth - 1}, else: {[x | acc], i - 1}
      end)

    :lists.reverse(list)
  end

  @doc "The elements before the first for which `fun` is falsy."
  def take_while(list, fun) when is_list(list), do: take_while_list(list, fun)

  def take_while(enumerable, fun) do
    enumerable
    |> halt_reduce([], fn x, acc -> if fun.(x), do: {:cont, [x | acc]}, else: {:halt, acc} end)
    |> :lists.reverse()
  end

  defp take_while_list([h | t], fun), do: if(fun.(h), do: [h | take_while_list(t, fun)], else: [])
  defp take_while_list([], _fun), do: []

  @doc "The elements from the first for which `fun` is falsy."
  def drop_while(list, fun) when is_list(list), do: drop_while_list(list, fun)

  def drop_while(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], true}, fn
        x, {acc, true} -> if fun.(x), do: {acc, true}, else: {[x], false}
        x, {acc, false} -> {[x | acc], false}
      end)

    :lists.reverse(list)
  end

  defp drop_while_list([h | t] = list, fun), do: if(fun.(h), do: drop_while_list(t, fun), else: list)
  defp drop_while_list([], _fun), do: []

  @doc "`{take(enumerable, count), drop(enumerable, count)}` in one pass."
  def split(list, count) when is_list(list) and is_integer(count) and count >= 0, do: split_list(list, count, [])

  def split(enumerable, count) when is_integer(count) and count >= 0 do
    {taken, dropped, _} =
      reduce(enumerable, {[], [], count}, fn
        x, {taken, dropped, n} when n > 0 -> {[x | taken], dropped, n - 1}
        x, {taken, dropped, 0} -> {taken, [x | dropped], 0}
      end)

    {:lists.reverse(taken), :lists.reverse(dropped)}
  end

  def split(enumerable, count) when is_integer(count) and count < 0 do
    list = to_list(enumerable)
    split_list(list, Kernel.max(length(list) + count, 0), [])
  end

  defp split_list(rest, 0, acc), do: {:lists.reverse(acc), rest}
  defp split_list([h | t], n, acc), do: split_list(t, n - 1, [h | acc])
  defp split_list([], _n, acc), do: {:lists.reverse(acc), []}

  @doc "`{take_while(enumerable, fun), the rest}`."
  def split_while(list, fun) when is_list(list), do: split_while_list(list, fun, [])

  def split_while(enumerable, fun) do
    {taken, dropped} =
      reduce(enumerable, {[], []}, fn
        x, {taken, []} -> if fun.(x), do: {[x | taken], []}, else: {taken, [x]}
        x, {taken, dropped} -> {taken, [x | dropped]}
      end)

    {:lists.reverse(taken), :lists.reverse(dropped)}
  end

  defp split_while_list([h | t] = list, fun, acc) do
    if fun.(h), do: split_while_list(t, fun, [h | acc]), else: {:lists.reverse(acc), list}
  end

  defp split_while_list([], _fun, acc), do: {:lists.reverse(acc), []}

  @doc "`{elements for which fun is truthy, the others}`."
  def split_with(enumerable, fun) do
    {yes, no} =
      reduce(enumerable, {[], []}, fn x, {yes, no} ->
        if fun.(x), do: {[x | yes], no}, else: {yes, [x | no]}
      end)

    {:lists.reverse(yes), :lists.reverse(no)}
  end

  @doc false
  # Deprecated in Elixir: split_with/2.
  def partition(enumerable, fun), do: split_with(enumerable, fun)

  # ---- chunks ----

  @doc false
  # Deprecated in Elixir: chunk_every/4 with :discard as the default leftover.
  def chunk(enumerable, count), do: chunk(enumerable, count, count, nil)

  @doc false
  def chunk(enumerable, count, step, leftover \\ nil) do
    chunk_every(enumerable, count, step, leftover || :discard)
  end

  @doc "Lists of `count` elements."
  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])

  @doc "Lists of `count` elements, a new one every `step`; the last one padded from `leftover` (`:discard` drops it)."
  def chunk_every(enumerable, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    chunk_while(enumerable, {[], 0, 0}, chunk_every_fun(count, step), chunk_every_after(count, leftover))
  end

  @doc false
  # The chunk_while functions of chunk_every/4 (Stream.chunk_every uses them
  # too). The accumulator: the chunk being built (reversed), its size, and
  # how many elements to skip before the next one (when step > count).
  def chunk_every_fun(count, step) do
    fn
      _x, {buffer, size, skip} when skip > 0 ->
        {:cont, {buffer, size, skip - 1}}

      x, {buffer, size, 0} ->
        buffer = [x | buffer]
        size = size + 1

        cond do
          size < count -> {:cont, {buffer, size, 0}}
          step >= count -> {:cont, :lists.reverse(buffer), {[], 0, step - count}}
          true -> {:cont, :lists.reverse(buffer), {take_list(buffer, count - step), count - step, 0}}
        end
    end
  end

  @doc false
  def chunk_every_after(count, leftover) do
    fn
      {[], _, _} = acc ->
        {:cont, acc}

      {_buffer, _size, _skip} = acc when leftover == :discard ->
        {:cont, acc}

      {buffer, size, _skip} ->
        {:cont, :lists.reverse(buffer, take(leftover, count - size)), {[], 0, 0}}
    end
  end

  @doc "Splits into runs of consecutive elements for which `fun` answers the same."
  def chunk_by(enumerable, fun) do
    chunk_while(enumerable, nil, chunk_by_fun(fun), &chunk_by_after/1)
  end

  @doc false
  def chunk_by_fun(fun) do
    fn
      x, nil ->
        {:cont, {fun.(x), [x]}}

      x, {key, buffer} ->
        new_key = fun.(x)

        if new_key === key do
          {:cont, {key, [x | buffer]}}
        else
          {:cont, :lists.reverse(buffer), {new_key, [x]}}
        end
    end
  end

  @doc false
  def chunk_by_after(nil), do: {:cont, nil}
  def chunk_by_after({_key, buffer}), do: {:cont, :lists.reverse(buffer), nil}

  @doc "Chunks as `chunk_fun` decides: `{:cont, chunk, acc}` emits, `{:cont, acc}` goes on, `{:halt, acc}` stops; `after_fun` emits the last."
  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    {_, {chunks, acc}} =
      Enumerable.reduce(enumerable, {:cont, {[], acc}}, fn x, {chunks, acc} ->
        case chunk_fun.(x, acc) do
          {:cont, chunk, acc} -> {:cont, {[chunk | chunks], acc}}
          {:cont, acc} -> {:cont, {chunks, acc}}
          {:halt, acc} -> {:halt, {chunks, acc}}
        end
      end)

    case after_fun.(acc) do
      {:cont, _acc} -> :lists.reverse(chunks)
      {:cont, chunk, _acc} -> :lists.reverse([chunk | chunks])
    end
  end

  # ---- duplicates ----

  @doc "Removes consecutive duplicates (strict equality)."
  def dedup(list) when is_list(list), do: dedup_list(list)

  def dedup(enumerable) do
    enumerable
    |> reduce([], fn
      x, [y | _] = acc when x === y -> acc
      x, acc -> [x | acc]
    end)
    |> :lists.reverse()
  end

  defp dedup_list([x | [y | _] = t]) when x === y, do: dedup_list(t)
  defp dedup_list([x | t]), do: [x | dedup_list(t)]
  defp dedup_list([]), do: []

  @doc "Removes consecutive elements for which `fun` answers the same."
  def dedup_by(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], :__beamlet_none__}, fn x, {acc, prev} ->
        key = fun.(x)

        case acc do
          [_ | _] when key === prev -> {acc, prev}
          _ -> {[x | acc], key}
        end
      end)

    :lists.reverse(list)
  end

  @doc "The elements without repeats (the first of each kept)."
  def uniq(enumerable), do: uniq_by(enumerable, fn x -> x end)

  @doc false
  # Deprecated in Elixir: uniq_by/2.
  def uniq(enumerable, fun), do: uniq_by(enumerable, fun)

  @doc "The elements without repeats of `fun`'s answer (the first kept)."
  def uniq_by(list, fun) when is_list(list), do: uniq_list(list, %{}, fun)

  def uniq_by(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], %{}}, fn x, {acc, seen} ->
        key = fun.(x)
        if Map.has_key?(seen, key), do: {acc, seen}, else: {[x | acc], Map.put(seen, key, true)}
      end)

    :lists.reverse(list)
  end

  defp uniq_list([h | t], seen, fun) do
    key = fun.(h)

    if Map.has_key?(seen, key),
      do: uniq_list(t, seen, fun),
      else: [h | uniq_list(t, Map.put(seen, key, true), fun)]
  end

  defp uniq_list([], _seen, _fun), do: []

  @doc "A map from each element to how many times it appears."
  def frequencies(enumerable) do
    reduce(enumerable, %{}, fn x, acc ->
      case acc do
        %{^x => n} -> %{acc | x => n + 1}
        _ -> Map.put(acc, x, 1)
      end
    end)
  end

  @doc "A map from each of `key_fun`'s answers to how many elements gave it."
  def frequencies_by(enumerable, key_fun) when is_function(key_fun, 1) do
    reduce(enumerable, %{}, fn x, acc ->
      key = key_fun.(x)

      case acc do
        %{^key => n} -> %{acc | key => n + 1}
        _ -> Map.put(acc, key, 1)
      end
    end)
  end

  @doc "A map from each of `key_fun`'s answers to the elements (or `value_fun` of them) that gave it."
  def group_by(enumerable, key_fun, value_fun \\ fn x -> x end)

  def group_by(enumerable, key_fun, value_fun) when is_function(key_fun, 1) do
    enumerable
    |> reverse()
    |> reduce_list(%{}, fn x, acc ->
      key = key_fun.(x)
      value = value_fun.(x)

      case acc do
        %{^key => existing} -> %{acc | key => [value | existing]}
        _ -> Map.put(acc, key, [value])
      end
    end)
  end

  # Deprecated in Elixir 1.3: a dictionary (a map) as the second argument.
  def group_by(enumerable, dict, fun) do
    IO.warn(
      "Enum.group_by/3 with a map/dictionary as second element is deprecated. " <>
        "A map is used by default and it is no longer required to pass one to this function"
    )

    unless is_map(dict), do: raise(ArgumentError, "unsupported dict: #{inspect(dict)}")

    reduce(reverse(enumerable), dict, fn x, acc ->
      key = fun.(x)
      Map.update(acc, key, [x], &[x | &1])
    end)
  end

  # ---- joining, collecting ----

  @doc "The elements as strings, joined by `joiner`."
  def join(enumerable, joiner \\ "")

  # A list as Elixir's: its helpers are the frames of an element's error.
  def join(list, "") when is_list(list), do: IO.iodata_to_binary(map_list(list, &entry_to_string/1))
  def join(list, joiner) when is_list(list) and is_binary(joiner), do: join_list(list, joiner)

  def join(enumerable, joiner) when is_binary(joiner) do
    reduced =
      reduce(enumerable, :first, fn
        x, :first -> entry_to_string(x)
        x, acc -> [acc, joiner | entry_to_string(x)]
      end)

    if reduced == :first, do: "", else: IO.iodata_to_binary(reduced)
  end

  defp join_list([], _joiner), do: ""
  defp join_list(list, joiner), do: IO.iodata_to_binary(:lists.reverse(join_non_empty_list(list, joiner, [])))

  defp join_non_empty_list([first], _joiner, acc), do: [entry_to_string(first) | acc]

  defp join_non_empty_list([first | rest], joiner, acc),
    do: join_non_empty_list(rest, joiner, [joiner, entry_to_string(first) | acc])

  @doc "`mapper` applied to each element, as strings joined by `joiner`."
  def map_join(enumerable, joiner \\ "", mapper)

  # A list as Elixir's: its helpers are the frames of an element's error.
  def map_join(list, joiner, mapper) when is_list(list) and is_binary(joiner) and is_function(mapper, 1) do
    IO.iodata_to_binary(map_intersperse_list(list, joiner, &entry_to_string(mapper.(&1))))
  end

  def map_join(enumerable, joiner, mapper) when is_binary(joiner) and is_function(mapper, 1) do
    reduced =
      reduce(enumerable, :first, fn
        x, :first -> entry_to_string(mapper.(x))
        x, acc -> [acc, joiner | entry_to_string(mapper.(x))]
      end)

    if reduced == :first, do: "", else: IO.iodata_to_binary(reduced)
  end

  defp entry_to_string(entry) when is_binary(entry), do: entry
  defp entry_to_string(entry), do: String.Chars.to_string(entry)

  @doc "The elements put into `collectable` (a list, map, binary, MapSet...)."
  def into(enumerable, collectable)

  def into(enumerable, []), do: to_list(enumerable)

  def into(%{__struct__: _} = enumerable, collectable), do: into_protocol(enumerable, collectable)

  def into(enumerable, %{__struct__: _} = collectable), do: into_protocol(enumerable, collectable)

  def into(enumerable, %{} = collectable) when is_map(enumerable) do
    if map_size(collectable) == 0, do: enumerable, else: Map.merge(collectable, enumerable)
  end

  def into(list, %{} = collectable) when is_list(list) do
    if map_size(collectable) == 0, do: pairs_to_map(list), else: Map.merge(collectable, pairs_to_map(list))
  end

  def into(enumerable, collectable), do: into_protocol(enumerable, collectable)

  # A list of {key, value} pairs as a map; anything else is a bare
  # ArgumentError, as Erlang's :maps.from_list/1 raises.
  defp pairs_to_map(list) do
    if all_list(list, &match?({_, _}, &1)), do: Map.from_list(list), else: raise(ArgumentError)
  end

  @doc "The elements, each passed through `transform`, put into `collectable`."
  def into(enumerable, [], transform), do: map(enumerable, transform)

  def into(enumerable, %{} = collectable, transform) when map_size(collectable) == 0 and not is_struct(collectable) do
    enumerable |> map(transform) |> pairs_to_map()
  end

  def into(enumerable, %{} = collectable, transform) when not is_struct(collectable) and is_function(transform, 1) do
    reduce(enumerable, collectable, fn x, acc ->
      {key, value} = transform.(x)
      Map.put(acc, key, value)
    end)
  end

  def into(enumerable, collectable, transform) when is_function(transform, 1) do
    {initial, collect} = Collectable.into(collectable)

    push = fn x, acc -> collect.(acc, {:cont, transform.(x)}) end
    run_collect(enumerable, initial, collect, push)
  end

  defp into_protocol(enumerable, collectable) do
    {initial, collect} = Collectable.into(collectable)
    run_collect(enumerable, initial, collect, fn x, acc -> collect.(acc, {:cont, x}) end)
  end

  # Runs the collecting function over the elements, then :done (or :halt
  # when the traversal raises, and the error goes on).
  defp run_collect(enumerable, initial, collect, push) do
    try do
      reduce(enumerable, initial, push)
    catch
      kind, reason ->
        collect.(initial, :halt)
        :erlang.raise(kind, reason, __STACKTRACE__)
    else
      acc -> collect.(acc, :done)
    end
  end

  @doc false
  # `for ..., into: "literal"`: the elements appended to the binary; one
  # that is not a bitstring raises as Elixir's compiled comprehension does.
  # Binaries only (the usual case): joined as iodata, in one pass.
  def __for_into_binary__(list, binary) do
    case for_into_kind(list, :binaries) do
      :binaries -> IO.iodata_to_binary([binary | list])
      :bitstrings -> into_protocol(list, binary)
      {:bad, bad} -> raise ArgumentError, "argument error: " <> inspect(bad)
    end
  end

  defp for_into_kind([x | rest], kind) when is_binary(x), do: for_into_kind(rest, kind)
  defp for_into_kind([x | rest], _kind) when is_bitstring(x), do: for_into_kind(rest, :bitstrings)
  defp for_into_kind([x | _], _kind), do: {:bad, x}
  defp for_into_kind([], kind), do: kind

  @doc false
  # `for ... into: collectable`: `run.(fun, acc)` runs the comprehension,
  # handing each element to `fun` (with `uniq: true`, each distinct one).
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

  # ---- order: reverse, sort, min/max ----

  @doc "The elements in reverse order."
  def reverse(list) when is_list(list), do: :lists.reverse(list)
  def reverse(enumerable), do: reduce(enumerable, [], &[&1 | &2])

  @doc "The elements in reverse order, followed by `tail`."
  def reverse(list, tail) when is_list(list) and is_list(tail), do: :lists.reverse(list, tail)
  def reverse(enumerable, tail), do: reduce(enumerable, to_list(tail), &[&1 | &2])

  @doc "The enumerable with `count` elements from `start_index` reversed."
  def reverse_slice(enumerable, start_index, count)
      when is_integer(start_index) and start_index >= 0 and is_integer(count) and count >= 0 do
    list = to_list(enumerable)
    {front, rest} = split_list(list, start_index, [])
    {middle, back} = split_list(rest, count, [])
    front ++ :lists.reverse(middle, back)
  end

  @doc "Sorted in ascending term order."
  def sort(enumerable), do: :lists.sort(to_list(enumerable))

  @doc "Sorted by `sorter`: a function (true when its first argument goes first), `:asc`, `:desc`, a module with `compare/2`, or `{:asc | :desc, module}`."
  def sort(enumerable, sorter), do: :lists.sort(to_sort_fun(sorter), to_list(enumerable))

  @doc "Sorted by `mapper`'s answers, compared by `sorter`."
  def sort_by(enumerable, mapper, sorter \\ :asc) do
    fun = to_sort_fun(sorter)

    pairs = map(enumerable, fn x -> {mapper.(x), x} end)
    sorted = :lists.sort(fn {a, _}, {b, _} -> fun.(a, b) end, pairs)
    map_list(sorted, fn {_, x} -> x end)
  end

  defp to_sort_fun(fun) when is_function(fun, 2), do: fun
  defp to_sort_fun(:asc), do: &<=/2
  defp to_sort_fun(:desc), do: &>=/2
  defp to_sort_fun({:asc, module}) when is_atom(module), do: &(module.compare(&1, &2) != :gt)
  defp to_sort_fun({:desc, module}) when is_atom(module), do: &(module.compare(&1, &2) != :lt)
  defp to_sort_fun(module) when is_atom(module), do: &(module.compare(&1, &2) != :gt)

  # A min/max sorter: a function, or a module with compare/2.
  defp min_max_fun(fun, _) when is_function(fun, 2), do: fun
  defp min_max_fun(module, :min) when is_atom(module), do: &(module.compare(&1, &2) != :gt)
  defp min_max_fun(module, :max) when is_atom(module), do: &(module.compare(&1, &2) != :lt)

  defp empty_error, do: fn -> raise Enum.EmptyError end

  @doc "The largest element (`sorter` decides; `empty_fallback` answers for an empty enumerable)."
  def max(enumerable, sorter \\ &>=/2, empty_fallback \\ nil)

  def max(enumerable, empty_fallback, nil) when is_function(empty_fallback, 0),
    do: pick(enumerable, &>=/2, empty_fallback)

  def max(enumerable, sorter, empty_fallback),
    do: pick(enumerable, min_max_fun(sorter, :max), empty_fallback || empty_error())

  @doc "The smallest element (`sorter` decides; `empty_fallback` answers for an empty enumerable)."
  def min(enumerable, sorter \\ &<=/2, empty_fallback \\ nil)

  def min(enumerable, empty_fallback, nil) when is_function(empty_fallback, 0),
    do: pick(enumerable, &<=/2, empty_fallback)

  def min(enumerable, sorter, empty_fallback),
    do: pick(enumerable, min_max_fun(sorter, :min), empty_fallback || empty_error())

  # The element `keep` prefers: `keep.(acc, x)` true keeps `acc`.
  defp pick([h | t], keep, _empty), do: pick_list(t, h, keep)
  defp pick([], _keep, empty), do: empty.()

  defp pick(enumerable, keep, empty) do
    result =
      reduce(enumerable, :__beamlet_empty__, fn
        x, :__beamlet_empty__ -> {:__beamlet_acc__, x}
        x, {:__beamlet_acc__, acc} = a -> if keep.(acc, x), do: a, else: {:__beamlet_acc__, x}
      end)

    case result do
      {:__beamlet_acc__, x} -> x
      :__beamlet_empty__ -> empty.()
    end
  end

  defp pick_list([h | t], acc, keep), do: pick_list(t, if(keep.(acc, h), do: acc, else: h), keep)
  defp pick_list([], acc, _keep), do: acc

  @doc "The element with the largest `fun` answer."
  def max_by(enumerable, fun, sorter \\ &>=/2, empty_fallback \\ nil)

  def max_by(enumerable, fun, empty_fallback, nil) when is_function(fun, 1) and is_function(empty_fallback, 0),
    do: pick_by(enumerable, fun, &>=/2, empty_fallback)

  def max_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1),
    do: pick_by(enumerable, fun, min_max_fun(sorter, :max), empty_fallback || empty_error())

  @doc "The element with the smallest `fun` answer."
  def min_by(enumerable, fun, sorter \\ &<=/2, empty_fallback \\ nil)

  def min_by(enumerable, fun, empty_fallback, nil) when is_function(fun, 1) and is_function(empty_fallback, 0),
    do: pick_by(enumerable, fun, &<=/2, empty_fallback)

  def min_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1),
    do: pick_by(enumerable, fun, min_max_fun(sorter, :min), empty_fallback || empty_error())

  defp pick_by(enumerable, fun, keep, empty) do
    result =
      reduce(enumerable, :__beamlet_empty__, fn
        x, :__beamlet_empty__ ->
          {:__beamlet_acc__, x, fun.(x)}

        x, {:__beamlet_acc__, _, key} = acc ->
          new_key = fun.(x)
          if keep.(key, new_key), do: acc, else: {:__beamlet_acc__, x, new_key}
      end)

    case result do
      {:__beamlet_acc__, x, _} -> x
      :__beamlet_empty__ -> empty.()
    end
  end

  @doc "`{min, max}` in one pass."
  def min_max(enumerable, empty_fallback \\ nil)

  def min_max(enumerable, empty_fallback) do
    result =
      reduce(enumerable, :__beamlet_empty__, fn
        x, :__beamlet_empty__ -> {x, x}
        x, {min, max} -> {if(x < min, do: x, else: min), if(x > max, do: x, else: max)}
      end)

    case result do
      :__beamlet_empty__ -> (empty_fallback || empty_error()).()
      pair -> pair
    end
  end

  @doc "`{element with the smallest, element with the largest}` `fun` answer."
  def min_max_by(enumerable, fun, sorter_or_empty_fallback \\ &</2, empty_fallback \\ nil)

  def min_max_by(enumerable, fun, empty_fallback, nil)
      when is_function(fun, 1) and is_function(empty_fallback, 0),
      do: min_max_by(enumerable, fun, &</2, empty_fallback)

  def min_max_by(enumerable, fun, sorter, empty_fallback) when is_function(fun, 1) do
    less =
      case sorter do
        f when is_function(f, 2) -> f
        module when is_atom(module) -> &(module.compare(&1, &2) == :lt)
      end

    result =
      reduce(enumerable, :__beamlet_empty__, fn
        x, :__beamlet_empty__ ->
          key = fun.(x)
          {x, key, x, key}

        x, {min, min_key, max, max_key} ->
          key = fun.(x)

          cond do
            less.(key, min_key) -> {x, key, max, max_key}
            less.(max_key, key) -> {min, min_key, x, key}
            true -> {min, min_key, max, max_key}
          end
      end)

    case result do
      :__beamlet_empty__ -> (empty_fallback || empty_error()).()
      {min, _, max, _} -> {min, max}
    end
  end

  # ---- random ----

  @doc "A random element; `Enum.EmptyError` when empty."
  def random(enumerable) do
    case enumerable do
      [] ->
        raise Enum.EmptyError

      list when is_list(list) ->
        :lists.nth(:rand.uniform(length(list)), list)

      _ ->
        case Enumerable.slice(enumerable) do
          {:ok, 0, _} ->
            raise Enum.EmptyError

          {:ok, count, fun} when is_function(fun, 3) ->
            [x] = fun.(:rand.uniform(count) - 1, 1, 1)
            x

          {:ok, count, fun} when is_function(fun, 2) ->
            [x] = fun.(:rand.uniform(count) - 1, 1)
            x

          {:ok, count, fun} when is_function(fun, 1) ->
            :lists.nth(:rand.uniform(count), fun.(enumerable))

          {:error, _} ->
            case take_random(enumerable, 1) do
              [] -> raise Enum.EmptyError
              [x] -> x
            end
        end
    end
  end

  @doc "The elements in a random order."
  def shuffle(enumerable) do
    tagged = reduce(enumerable, [], fn x, acc -> [{:rand.uniform(), x} | acc] end)
    # Largest key first (the order Elixir's unwrapping gives).
    reduce_list(:lists.keysort(1, tagged), [], fn {_, x}, acc -> [x | acc] end)
  end

  @doc "`count` random elements, without repeats."
  def take_random(enumerable, count)
  def take_random(_enumerable, 0), do: []

  def take_random(enumerable, count) when is_integer(count) and count > 0 do
    # Reservoir sampling: the i-th element (from 0) replaces a random slot
    # of the sample with probability count / (i + 1).
    {sample, seen} =
      reduce(enumerable, {%{}, 0}, fn x, {sample, i} ->
        # A random index in 0..i (the first element needs no draw).
        j = if i == 0, do: 0, else: :rand.uniform(i + 1) - 1

        if i < count do
          sample = if j == i, do: Map.put(sample, i, x), else: sample |> Map.put(i, sample[j]) |> Map.put(j, x)
          {sample, i + 1}
        else
          if j < count, do: {Map.put(sample, j, x), i + 1}, else: {sample, i + 1}
        end
      end)

    n = Kernel.min(seen, count)
    if n == 0, do: [], else: for(i <- 0..(n - 1), do: Map.fetch!(sample, i))
  end

  # ---- scans, indexes, zips ----

  @doc "Each successive accumulation; the first element starts."
  def scan(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], :__beamlet_first__}, fn
        x, {acc, :__beamlet_first__} -> {[x | acc], {:value, x}}
        x, {acc, {:value, prev}} -> next = fun.(x, prev)
        {[next | acc], {:value, next}}
      end)

    :lists.reverse(list)
  end

  @doc "Each successive accumulation from `acc`."
  def scan(enumerable, acc, fun) do
    {list, _} =
      reduce(enumerable, {[], acc}, fn x, {list, prev} ->
        next = fun.(x, prev)
        {[next | list], next}
      end)

    :lists.reverse(list)
  end

  @doc "Each element with its index (from `offset`), or `fun.(element, index)`."
  def with_index(enumerable, fun_or_offset \\ 0)

  def with_index(list, offset) when is_list(list) and is_integer(offset), do: index_list(list, offset)

  def with_index(enumerable, offset) when is_integer(offset) do
    {list, _} = reduce(enumerable, {[], offset}, fn x, {acc, i} -> {[{x, i} | acc], i + 1} end)
    :lists.reverse(list)
  end

  def with_index(enumerable, fun) when is_function(fun, 2) do
    {list, _} = reduce(enumerable, {[], 0}, fn x, {acc, i} -> {[fun.(x, i) | acc], i + 1} end)
    :lists.reverse(list)
  end

  defp index_list([h | t], i), do: [{h, i} | index_list(t, i + 1)]
  defp index_list([], _i), do: []

  @doc "The pairs of elements at the same positions, as long as the shorter."
  def zip(list1, list2) when is_list(list1) and is_list(list2), do: zip_list(list1, list2)
  def zip(enumerable1, enumerable2), do: zip([enumerable1, enumerable2])

  defp zip_list([x | xs], [y | ys]), do: [{x, y} | zip_list(xs, ys)]
  defp zip_list(_, _), do: []

  @doc "Tuples of the elements at the same positions of each enumerable."
  def zip([]), do: []
  def zip(enumerables), do: zip_with(enumerables, &List.to_tuple/1)

  @doc "`fun` applied to the elements at the same positions."
  def zip_with(list1, list2, fun) when is_list(list1) and is_list(list2) and is_function(fun, 2),
    do: zip_with_list(list1, list2, fun)

  def zip_with(enumerable1, enumerable2, fun) when is_function(fun, 2),
    do: zip_with([enumerable1, enumerable2], fn [x, y] -> fun.(x, y) end)

  defp zip_with_list([x | xs], [y | ys], fun), do: [fun.(x, y) | zip_with_list(xs, ys, fun)]
  defp zip_with_list(_, _, _fun), do: []

  @doc "`fun` applied to the list of elements at the same positions of each enumerable."
  def zip_with([], _fun), do: []

  def zip_with(enumerables, fun) do
    enumerables
    |> zip_reduce([], fn elements, acc -> [fun.(elements) | acc] end)
    |> :lists.reverse()
  end

  @doc "Reduces two enumerables in step: `reducer.(x, y, acc)`, as long as the shorter."
  def zip_reduce(left, right, acc, reducer) when is_list(left) and is_list(right) and is_function(reducer, 3),
    do: zip_reduce_list(left, right, acc, reducer)

  def zip_reduce(left, right, acc, reducer) when is_function(reducer, 3),
    do: zip_reduce([left, right], acc, fn [x, y], acc -> reducer.(x, y, acc) end)

  defp zip_reduce_list([x | xs], [y | ys], acc, reducer), do: zip_reduce_list(xs, ys, reducer.(x, y, acc), reducer)
  defp zip_reduce_list(_, _, acc, _reducer), do: acc

  @doc "Reduces enumerables in step: `reducer.([x, y, ...], acc)`, as long as the shortest."
  def zip_reduce([], acc, reducer) when is_function(reducer, 2), do: acc

  def zip_reduce(enumerables, acc, reducer) when is_function(reducer, 2) do
    elem(Stream.__zip_reduce__(to_list(enumerables), {:cont, acc}, fn elements, acc -> {:cont, reducer.(elements, acc)} end), 1)
  end

  @doc "`{firsts, seconds}` of an enumerable of pairs."
  def unzip(enumerable) do
    list = reduce(enumerable, [], &[&1 | &2])
    unzip(list, [], [])
  end

  defp unzip([{a, b} | t], as, bs), do: unzip(t, [a | as], [b | bs])
  defp unzip([], as, bs), do: {as, bs}

  @doc "Moves the elements at `range_or_single_index` to `insertion_index`."
  def slide(enumerable, range_or_single_index, insertion_index)

  def slide(enumerable, single_index, insertion_index) when is_integer(single_index) do
    slide(enumerable, single_index..single_index, insertion_index)
  end

  def slide(enumerable, %{__struct__: Range, first: first, last: last} = range, insertion_index)
      when is_integer(insertion_index) do
    step = Map.get(range, :step, if(first <= last, do: 1, else: -1))

    if step != 1 do
      raise ArgumentError, "Enum.slide/3 does not accept ranges with custom steps, got: #{inspect(range)}"
    end

    list = to_list(enumerable)
    count = length(list)
    first = if first < 0, do: Kernel.max(first + count, 0), else: first
    last = if last < 0, do: last + count, else: last
    insertion_index = if insertion_index < 0, do: insertion_index + count, else: insertion_index

    # Elixir answers to_list/1 when nothing moves, else walks with
    # reduce/3 (a map: in :maps.fold's order).
    moving = reduce_order_list(enumerable)

    cond do
      count == 0 or first > last ->
        list

      first >= count ->
        moving

      insertion_index >= first and insertion_index <= last ->
        if insertion_index == first do
          list
        else
          raise ArgumentError,
                "insertion index for slide must be outside the range being moved " <>
                  "(tried to insert #{first}..#{last} at #{insertion_index})"
        end

      true ->
        last = Kernel.min(last, count - 1)
        {front, rest} = split_list(moving, first, [])
        {moved, back} = split_list(rest, last - first + 1, [])

        if insertion_index < first do
          {before, between} = split_list(front, insertion_index, [])
          before ++ moved ++ between ++ back
        else
          {between, after_} = split_list(back, insertion_index - last, [])
          front ++ between ++ moved ++ after_
        end
    end
  end
end
