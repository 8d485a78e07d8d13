# Erlang/OTP 25's `:queue` module, written in the language: the original,
# extended and Okasaki APIs.
#
# A queue is OTP's term `{rear, front}`: the front list holds the first
# elements in order, the rear list the last ones reversed, so `in` and
# `out` are amortized O(1). Every operation leaves the two lists exactly as
# OTP 25's leaves them (checked against it), so a queue inspects, compares
# and crosses to real Erlang the same. When one side runs dry, half of the
# other side moves over (`rear_to_front/1`, `front_to_rear/1`).
#
# Errors are OTP's: a bad queue or argument is `badarg` (ArgumentError,
# "argument error"), taking from an empty queue the error `:empty`.
defmodule :queue do
  @moduledoc false

  ## Creation, inspection and conversion

  @doc "An empty queue."
  def new, do: {[], []}

  @doc "Whether `term` is a queue (a tuple of two lists)."
  def is_queue({r, f}) when is_list(r) and is_list(f), do: true
  def is_queue(_), do: false

  @doc "Whether `q` is empty."
  def is_empty({[], []}), do: true
  def is_empty({r, f}) when is_list(r) and is_list(f), do: false
  def is_empty(q), do: badarg([q])

  @doc "The number of elements of `q`."
  def len({r, f}) when is_list(r) and is_list(f), do: length(r) + length(f)
  def len(q), do: badarg([q])

  @doc "The elements of `q`, first to last."
  def to_list({r, f}) when is_list(r) and is_list(f), do: f ++ :lists.reverse(r)
  def to_list(q), do: badarg([q])

  @doc "The queue of the elements of `list`, in order."
  def from_list(list) when is_list(list), do: front_to_rear(list)
  def from_list(list), do: badarg([list])

  @doc "Whether `item` is in `q`."
  def member(item, {r, f}) when is_list(r) and is_list(f),
    do: :lists.member(item, r) or :lists.member(item, f)

  def member(item, q), do: badarg([item, q])

  ## The original API

  @doc "`q` with `item` added at its rear."
  def unquote(:in)(item, {[_] = r, []}), do: {[item], r}
  def unquote(:in)(item, {r, f}) when is_list(r) and is_list(f), do: {[item | r], f}
  def unquote(:in)(item, q), do: badarg([item, q])

  @doc "`q` with `item` added at its front."
  def in_r(item, {[], [_] = f}), do: {f, [item]}
  def in_r(item, {r, f}) when is_list(r) and is_list(f), do: {r, [item | f]}
  def in_r(item, q), do: badarg([item, q])

  @doc "`{{:value, first}, rest}`, or `{:empty, q}`."
  def out({[], []} = q), do: {:empty, q}
  def out({[v], []}), do: {{:value, v}, {[], []}}

  def out({[last | r], []}) do
    [v | f] = :lists.reverse(r)
    {{:value, v}, {[last], f}}
  end

  def out({r, [v]}) when is_list(r), do: {{:value, v}, rear_to_front(r)}
  def out({r, [v | f]}) when is_list(r), do: {{:value, v}, {r, f}}
  def out(q), do: badarg([q])

  @doc "`{{:value, last}, rest}`, or `{:empty, q}`."
  def out_r({[], []} = q), do: {:empty, q}
  def out_r({[], [v]}), do: {{:value, v}, {[], []}}

  def out_r({[], [first | f]}) do
    [v | r] = :lists.reverse(f)
    {{:value, v}, {r, [first]}}
  end

  def out_r({[v], f}) when is_list(f), do: {{:value, v}, front_to_rear(f)}
  def out_r({[v | r], f}) when is_list(f), do: {{:value, v}, {r, f}}
  def out_r(q), do: badarg([q])

  ## The extended API

  @doc "The first element of `q`; the error `:empty` if there is none."
  def get({[], []} = q), do: empty([q])
  def get({r, f}) when is_list(r) and is_list(f), do: first(r, f)
  def get(q), do: badarg([q])

  @doc "The last element of `q`; the error `:empty` if there is none."
  def get_r({[], []} = q), do: empty([q])
  def get_r({r, f}) when is_list(r) and is_list(f), do: last_of(r, f)
  def get_r(q), do: badarg([q])

  @doc "`{:value, first}`, or `:empty`."
  def peek({[], []}), do: :empty
  def peek({r, f}) when is_list(r) and is_list(f), do: {:value, first(r, f)}
  def peek(q), do: badarg([q])

  @doc "`{:value, last}`, or `:empty`."
  def peek_r({[], []}), do: :empty
  def peek_r({r, f}) when is_list(r) and is_list(f), do: {:value, last_of(r, f)}
  def peek_r(q), do: badarg([q])

  @doc "`q` without its first element; the error `:empty` if there is none."
  def drop({[], []} = q), do: empty([q])
  def drop({[_], []}), do: {[], []}

  def drop({[last | r], []}) do
    [_ | f] = :lists.reverse(r)
    {[last], f}
  end

  def drop({r, [_]}) when is_list(r), do: rear_to_front(r)
  def drop({r, [_ | f]}) when is_list(r), do: {r, f}
  def drop(q), do: badarg([q])

  @doc "`q` without its last element; the error `:empty` if there is none."
  def drop_r({[], []} = q), do: empty([q])
  def drop_r({[], [_]}), do: {[], []}

  def drop_r({[], [first | f]}) do
    [_ | r] = :lists.reverse(f)
    {r, [first]}
  end

  def drop_r({[_], f}) when is_list(f), do: front_to_rear(f)
  def drop_r({[_ | r], f}) when is_list(f), do: {r, f}
  def drop_r(q), do: badarg([q])

  @doc "`q` in reverse order."
  def reverse({r, f}) when is_list(r) and is_list(f), do: {f, r}
  def reverse(q), do: badarg([q])

  @doc "`q2` appended to `q1`."
  def join({r, f} = q, {[], []}) when is_list(r) and is_list(f), do: q
  def join({[], []}, {r, f} = q) when is_list(r) and is_list(f), do: q

  def join({r1, f1}, {r2, f2}) when is_list(r1) and is_list(f1) and is_list(r2) and is_list(f2),
    do: {r2, f1 ++ :lists.reverse(r1, f2)}

  def join(q1, q2), do: badarg([q1, q2])

  @doc "`{first_n, rest}`: the first `n` elements of `q` and the others."
  def split(0, {r, f} = q) when is_list(r) and is_list(f), do: {{[], []}, q}

  def split(n, {r, f} = q) when is_integer(n) and n >= 1 and is_list(r) and is_list(f) do
    front_len = length(f)

    cond do
      n < front_len ->
        [x | f1] = f
        front_to_taken(n - 1, r, f1, [], [x])

      n > front_len ->
        m = length(r) - (n - front_len)

        cond do
          m < 0 ->
            badarg([n, q])

          m > 0 ->
            [x | r1] = r
            rear_to_rest(m - 1, r1, f, [x], [])

          true ->
            {q, {[], []}}
        end

      true ->
        {front_to_rear(f), rear_to_front(r)}
    end
  end

  def split(n, q), do: badarg([n, q])

  # Moves `n` elements from the front `f1` to the taken queue's rear.
  defp front_to_taken(0, r1, f1, r2, f2), do: {{r2, f2}, {r1, f1}}

  defp front_to_taken(n, r1, [x | f1], r2, f2),
    do: front_to_taken(n - 1, r1, f1, [x | r2], f2)

  # Moves `n` elements from the rear `r1` to the rest's front.
  defp rear_to_rest(0, r1, f1, r2, f2), do: {{r1, f1}, {r2, f2}}

  defp rear_to_rest(n, [x | r1], f1, r2, f2),
    do: rear_to_rest(n - 1, r1, f1, r2, [x | f2])

  @doc "The elements for which `fun` answers `true` (or the list it answers instead), in order."
  def filter(fun, {r, f}) when is_function(fun, 1) and is_list(r) and is_list(f) do
    rebalance(filter_rear(fun, r), filter_front(fun, f))
  end

  def filter(fun, q), do: badarg([fun, q])

  defp filter_front(_fun, []), do: []

  defp filter_front(fun, [x | f]) do
    case fun.(x) do
      true -> [x | filter_front(fun, f)]
      [y] -> [y | filter_front(fun, f)]
      false -> filter_front(fun, f)
      [] -> filter_front(fun, f)
      list when is_list(list) -> list ++ filter_front(fun, f)
    end
  end

  # The rear is called last element first... in queue order: the tail of
  # the reversed list first.
  defp filter_rear(_fun, []), do: []

  defp filter_rear(fun, [x | r0]) do
    r = filter_rear(fun, r0)

    case fun.(x) do
      true -> [x | r]
      [y] -> [y | r]
      false -> r
      [] -> r
      list when is_list(list) -> :lists.reverse(list, r)
    end
  end

  @doc "The elements for which `fun` answers `true` or `{true, new}` (then `new`), in order."
  def filtermap(fun, {r, f}) when is_function(fun, 1) and is_list(r) and is_list(f) do
    rebalance(filtermap_rear(fun, r), filtermap_front(fun, f))
  end

  def filtermap(fun, q), do: badarg([fun, q])

  defp filtermap_front(_fun, []), do: []

  defp filtermap_front(fun, [x | f]) do
    case fun.(x) do
      true -> [x | filtermap_front(fun, f)]
      {true, y} -> [y | filtermap_front(fun, f)]
      false -> filtermap_front(fun, f)
    end
  end

  defp filtermap_rear(_fun, []), do: []

  defp filtermap_rear(fun, [x | r0]) do
    r = filtermap_rear(fun, r0)

    case fun.(x) do
      true -> [x | r]
      {true, y} -> [y | r]
      false -> r
    end
  end

  @doc "Folds `fun.(item, acc)` over `q`, first to last."
  def fold(fun, acc, {r, f}) when is_function(fun, 2) and is_list(r) and is_list(f) do
    acc = :lists.foldl(fun, acc, f)
    :lists.foldr(fun, acc, r)
  end

  def fold(fun, acc, q), do: badarg([fun, acc, q])

  @doc "Whether `pred` holds for some element."
  def any(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: :lists.any(pred, f) or :lists.any(pred, r)

  def any(pred, q), do: badarg([pred, q])

  @doc "Whether `pred` holds for every element."
  def all(pred, {r, f}) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: :lists.all(pred, f) and :lists.all(pred, r)

  def all(pred, q), do: badarg([pred, q])

  @doc "`q` without the first element equal to `item`."
  def delete(item, {r, f} = q) when is_list(r) and is_list(f),
    do: delete_first(fn x -> x == item end, q)

  def delete(item, q), do: badarg([item, q])

  @doc "`q` without the last element equal to `item`."
  def delete_r(item, {r, f} = q) when is_list(r) and is_list(f),
    do: delete_last(fn x -> x == item end, q)

  def delete_r(item, q), do: badarg([item, q])

  @doc "`q` without the first element for which `pred` is true."
  def delete_with(pred, {r, f} = q) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: delete_first(pred, q)

  def delete_with(pred, q), do: badarg([pred, q])

  @doc "`q` without the last element for which `pred` is true."
  def delete_with_r(pred, {r, f} = q) when is_function(pred, 1) and is_list(r) and is_list(f),
    do: delete_last(pred, q)

  def delete_with_r(pred, q), do: badarg([pred, q])

  defp delete_first(pred, {r, f} = q) do
    case remove_first(f, pred) do
      {:ok, []} ->
        rear_to_front(r)

      {:ok, f1} ->
        {r, f1}

      :none ->
        # The rear is reversed: its first element in queue order is its last.
        case remove_first(:lists.reverse(r), pred) do
          {:ok, r1} ->
            case :lists.reverse(r1) do
              [] -> front_to_rear(f)
              r2 -> {r2, f}
            end

          :none ->
            q
        end
    end
  end

  defp delete_last(pred, {r, f} = q) do
    case remove_first(r, pred) do
      {:ok, []} ->
        front_to_rear(f)

      {:ok, r1} ->
        {r1, f}

      :none ->
        case remove_first(:lists.reverse(f), pred) do
          {:ok, f1} ->
            case :lists.reverse(f1) do
              [] -> rear_to_front(r)
              f2 -> {r, f2}
            end

          :none ->
            q
        end
    end
  end

  defp remove_first(list, pred), do: remove_first(list, pred, [])

  defp remove_first([x | rest], pred, acc) do
    if pred.(x),
      do: {:ok, :lists.reverse(acc, rest)},
      else: remove_first(rest, pred, [x | acc])
  end

  defp remove_first([], _pred, _acc), do: :none

  ## The Okasaki API

  @doc "`q` with `item` at its front."
  def cons(item, q), do: in_r(item, q)

  @doc "The first element of `q`; the error `:empty` if there is none."
  def head({[], []} = q), do: empty([q])
  def head({r, f}) when is_list(r) and is_list(f), do: first(r, f)
  def head(q), do: badarg([q])

  @doc "`q` without its first element."
  def tail(q), do: drop(q)

  @doc "`q` with `item` at its rear."
  def snoc(q, item), do: :queue.in(item, q)

  @doc "The last element of `q`."
  def daeh(q), do: get_r(q)

  @doc "The last element of `q`."
  def last(q), do: get_r(q)

  @doc "`q` without its last element."
  def liat(q), do: drop_r(q)

  @doc "`q` without its last element (the old misspelled name)."
  def lait(q), do: drop_r(q)

  @doc "`q` without its last element."
  def init(q), do: drop_r(q)

  ## Helpers

  defp first(_r, [h | _]), do: h
  defp first([h], []), do: h
  defp first([_ | r], []), do: :lists.last(r)

  defp last_of([h | _], _f), do: h
  defp last_of([], [h]), do: h
  defp last_of([], [_ | f]), do: :lists.last(f)

  # A queue from filtered sides: one side empty takes half of the other.
  defp rebalance([], f), do: front_to_rear(f)
  defp rebalance(r, []), do: rear_to_front(r)
  defp rebalance(r, f), do: {r, f}

  # Half of a rear list (its first half stays: the latest elements) moves
  # to the front.
  defp rear_to_front(r) do
    {keep, move} = Enum.split(r, div(length(r), 2))
    {keep, :lists.reverse(move)}
  end

  # Half of a front list (its first half stays) moves to the rear.
  defp front_to_rear(f) do
    {keep, move} = Enum.split(f, div(length(f), 2))
    {:lists.reverse(move), keep}
  end

  defp badarg(_args), do: :erlang.error(:badarg)
  defp empty(_args), do: :erlang.error(:empty)
end
