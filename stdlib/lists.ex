# The functions of Erlang's `:lists` module written in the language; the
# hot ones (reverse, keyfind, member, sort) are built-ins (vm/src/bif/).
defmodule :lists do
  @moduledoc false

  def keymember(key, n, list), do: :lists.keyfind(key, n, list) != false

  def keydelete(_key, _n, []), do: []
  def keydelete(key, n, [h | t]) when :erlang.element(n, h) == key, do: t
  def keydelete(key, n, [h | t]), do: [h | keydelete(key, n, t)]

  def keytake(key, n, list), do: keytake(key, n, list, [])
  defp keytake(_key, _n, [], _acc), do: false
  defp keytake(key, n, [h | t], acc) when :erlang.element(n, h) == key, do: {:value, h, :lists.reverse(acc, t)}
  defp keytake(key, n, [h | t], acc), do: keytake(key, n, t, [h | acc])

  def keyreplace(_key, _n, [], _new), do: []
  def keyreplace(key, n, [h | t], new) when :erlang.element(n, h) == key, do: [new | t]
  def keyreplace(key, n, [h | t], new), do: [h | keyreplace(key, n, t, new)]

  def keystore(_key, _n, [], new), do: [new]
  def keystore(key, n, [h | t], new) when :erlang.element(n, h) == key, do: [new | t]
  def keystore(key, n, [h | t], new), do: [h | keystore(key, n, t, new)]

  def keysort(n, list), do: Enum.sort_by(list, fn t -> :erlang.element(n, t) end)

  def map(_fun, []), do: []
  def map(fun, [h | t]), do: [fun.(h) | map(fun, t)]

  def filter(pred, list), do: for(x <- list, pred.(x), do: x)

  def foreach(_fun, []), do: :ok
  def foreach(fun, [h | t]) do
    fun.(h)
    foreach(fun, t)
  end

  def foldl(_fun, acc, []), do: acc
  def foldl(fun, acc, [h | t]), do: foldl(fun, fun.(h, acc), t)

  def foldr(fun, acc, list), do: foldl(fun, acc, :lists.reverse(list))

  def flatten(list), do: flatten(list, [])
  def flatten([], tail), do: tail
  def flatten([h | t], tail) when is_list(h), do: flatten(h, flatten(t, tail))
  def flatten([h | t], tail), do: [h | flatten(t, tail)]

  def append(lists), do: foldr(fn l, acc -> l ++ acc end, [], lists)
  def append(a, b), do: a ++ b

  def concat(things), do: Enum.map_join(things, &to_string/1) |> String.to_charlist()

  def nth(1, [h | _]), do: h
  def nth(n, [_ | t]) when n > 1, do: nth(n - 1, t)

  def nthtail(0, list), do: list
  def nthtail(n, [_ | t]) when n > 0, do: nthtail(n - 1, t)

  def last([x]), do: x
  def last([_ | t]), do: last(t)

  def sum(list), do: foldl(fn x, acc -> x + acc end, 0, list)

  def max([h | t]), do: foldl(fn x, acc -> if x > acc, do: x, else: acc end, h, t)
  def min([h | t]), do: foldl(fn x, acc -> if x < acc, do: x, else: acc end, h, t)

  def seq(from, to), do: seq(from, to, 1)
  def seq(from, to, step) when step > 0 and from > to, do: []
  def seq(from, to, step) when step < 0 and from < to, do: []
  def seq(from, to, step), do: Enum.to_list(from..to//step)

  def duplicate(n, x), do: List.duplicate(x, n)

  def delete(_x, []), do: []
  def delete(x, [x | t]), do: t
  def delete(x, [h | t]), do: [h | delete(x, t)]

  def subtract(a, b), do: a -- b

  def usort(list), do: list |> :lists.sort() |> dedup()
  defp dedup([a, a | t]), do: dedup([a | t])
  defp dedup([a | t]), do: [a | dedup(t)]
  defp dedup([]), do: []

  def sort(fun, list), do: Enum.sort(list, fun)

  def sublist(list, len), do: Enum.take(list, len)
  def sublist(list, start, len), do: list |> Enum.drop(start - 1) |> Enum.take(len)

  def zip([a | as], [b | bs]), do: [{a, b} | zip(as, bs)]
  def zip([], []), do: []

  def unzip(list), do: {map(fn {a, _} -> a end, list), map(fn {_, b} -> b end, list)}

  def any(pred, list), do: Enum.any?(list, pred)
  def all(pred, list), do: Enum.all?(list, pred)

  def partition(pred, list), do: Enum.split_with(list, pred)

  def splitwith(pred, list), do: splitwith(pred, list, [])
  defp splitwith(pred, [h | t], acc) do
    if pred.(h), do: splitwith(pred, t, [h | acc]), else: {:lists.reverse(acc), [h | t]}
  end
  defp splitwith(_pred, [], acc), do: {:lists.reverse(acc), []}

  def split(n, list), do: Enum.split(list, n)

  def takewhile(pred, list), do: Enum.take_while(list, pred)
  def dropwhile(pred, list), do: Enum.drop_while(list, pred)

  def mapfoldl(fun, acc, list), do: Enum.map_reduce(list, acc, fun)

  def flatmap(fun, list), do: Enum.flat_map(list, fun)

  def prefix([], _list), do: true
  def prefix([h | t1], [h | t2]), do: prefix(t1, t2)
  def prefix(_, _), do: false

  def enumerate(list), do: Enum.with_index(list, 1) |> map(fn {x, i} -> {i, x} end)
end
