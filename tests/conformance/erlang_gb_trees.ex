# OTP 25's :gb_trees: the tree shapes of inserts, deletes, balance and iteration.
t = Enum.reduce(1..12, :gb_trees.empty(), fn i, t -> :gb_trees.insert(i, i * i, t) end)
IO.inspect(t)
t2 = Enum.reduce([5, 3, 9, 1, 4, 7, 10, 2], :gb_trees.empty(), fn i, t -> :gb_trees.insert(i, :v, t) end)
IO.inspect(t2)
IO.inspect(:gb_trees.balance(t))
IO.inspect({:gb_trees.size(t), :gb_trees.is_empty(t), :gb_trees.is_empty(:gb_trees.empty())})
IO.inspect({:gb_trees.lookup(4, t), :gb_trees.lookup(40, t), :gb_trees.get(7, t), :gb_trees.is_defined(7.0, t)})
IO.inspect(:gb_trees.update(3, :three, t2))
IO.inspect(:gb_trees.enter(6, :six, t2))
IO.inspect(:gb_trees.enter(6.0, :six, :gb_trees.enter(6, :six, t2)))
IO.inspect(:gb_trees.delete(5, t2))
IO.inspect(:gb_trees.delete_any(50, t2) == t2)
IO.inspect(:gb_trees.take(3, t2))
IO.inspect(:gb_trees.take_any(30, t2))
IO.inspect(:gb_trees.take_smallest(t2))
IO.inspect(:gb_trees.take_largest(t2))
IO.inspect({:gb_trees.smallest(t), :gb_trees.largest(t)})
IO.inspect(:gb_trees.to_list(t2))
IO.inspect({:gb_trees.keys(t2), :gb_trees.values(t)})
IO.inspect(:gb_trees.map(fn k, v -> {k, v} end, t2))
IO.inspect(:gb_trees.from_orddict([a: 1, b: 2, c: 3, d: 4, e: 5]))
it = :gb_trees.iterator(t2)
{k, v, it} = :gb_trees.next(it)
{k2, _, _} = :gb_trees.next(it)
IO.inspect({k, v, k2})
it = :gb_trees.iterator_from(6, t2)
IO.inspect(it)
IO.inspect(Stream.unfold(it, &(case :gb_trees.next(&1) do :none -> nil; {k, _, i} -> {k, i} end)) |> Enum.to_list())
IO.inspect(:gb_trees.next(:gb_trees.iterator(:gb_trees.empty())))
big = Enum.reduce(100..1//-1, :gb_trees.empty(), fn i, t -> :gb_trees.insert(i, nil, t) end)
IO.inspect({:gb_trees.size(big), elem(big, 1) |> elem(0), :gb_trees.keys(big) == Enum.to_list(1..100)})
for f <- [
      fn -> :gb_trees.insert(3, :x, t2) end,
      fn -> :gb_trees.get(99, t2) end,
      fn -> :gb_trees.delete(99, t2) end,
      fn -> :gb_trees.take_smallest(:gb_trees.empty()) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.format_banner(:error, e))
  end
end
