# select, match and match_object on hash tables: the BEAM's order, chunks
# with limits and continuations (a chunk ends at a bucket's end, the extra
# results kept for the next), select_reverse (the same order), select_count,
# select_delete and select_replace, a key pinned by every clause; and
# tables that shrink after many deletes.
big = :ets.new(:big, [:set])
for i <- 1..3000, do: :ets.insert(big, {i, rem(i, 10)})
ms = [{{:"$1", :"$2"}, [{:==, :"$2", 3}], [:"$1"]}]
{l, c} = :ets.select(big, ms, 7)
IO.inspect(l)
{l2, c2} = :ets.select(c)
IO.inspect(l2)
{l3, _} = :ets.select(c2)
IO.inspect(l3)
IO.inspect(:ets.select_reverse(big, ms) |> Enum.take(10))
IO.inspect(:ets.select(big, ms) |> Enum.take(10))
{r1, rc} = :ets.select_reverse(big, ms, 5)
IO.inspect(r1)
IO.inspect(elem(:ets.select_reverse(rc), 0))

defmodule Chunks do
  def all(:"$end_of_table", acc), do: Enum.reverse(acc)
  def all({l, c}, acc), do: all(next(c), [l | acc])
  defp next(:"$end_of_table"), do: :"$end_of_table"
  defp next(c), do: :ets.select(c)
end

chunks = Chunks.all(:ets.select(big, [{{:"$1", :_}, [], [:"$1"]}], 100), [])
IO.inspect(Enum.map(chunks, &length/1), limit: :infinity)
IO.inspect(Enum.map(chunks, &hd/1), limit: :infinity)
IO.inspect(chunks |> List.flatten() |> Enum.sort() == Enum.to_list(1..3000))
IO.inspect(Chunks.all(:ets.match(big, {:"$1", 5}, 3), []) |> Enum.take(4))
{m, _} = :ets.match_object(big, {:_, 7}, 4)
IO.inspect(m)
IO.inspect(:ets.select(big, [{{:_, 11}, [], [:"$_"]}], 5))

s = :ets.new(:s, [:set])
for i <- 1..20, do: :ets.insert(s, {i * 37})
IO.inspect(:ets.select(s, [{{37 * 5}, [], [:"$_"]}, {{37 * 2}, [], [:"$_"]}]))
{one, _} = :ets.select(s, [{{37 * 5}, [], [:"$_"]}, {{37 * 2}, [], [:"$_"]}], 1)
IO.inspect(one)
IO.inspect(:ets.select(s, [{{12345}, [], [:"$_"]}], 1))

IO.inspect(:ets.select_delete(big, [{{:_, 4}, [], [true]}]))
IO.inspect(:ets.select_count(big, [{{:_, :_}, [], [true]}]))
IO.inspect(:ets.tab2list(big) |> Enum.take(30))
IO.inspect(:ets.select_replace(big, [{{:"$1", 2}, [], [{{:"$1", 20}}]}]))
IO.inspect(:ets.tab2list(big) |> Enum.take(30))
for i <- 1..3000, do: :ets.delete(big, i)
:ets.insert(big, [{:x}, {:y}, {:z}, {1}, {2}])
IO.inspect(:ets.tab2list(big))

# Grown to 5000 and 10000 objects, then shrunk by deletes and takes.
p = :ets.new(:p, [:set, :public])
for i <- 1..5000, do: :ets.insert(p, {i, i})
IO.inspect(:ets.select_delete(p, [{{:"$1", :_}, [{:>, :"$1", 100}], [true]}]))
IO.inspect(:ets.tab2list(p) |> Enum.take(20))
for i <- 1..5000, do: :ets.insert(p, {i, i})
for i <- 1..4990, do: :ets.delete(p, i)
IO.inspect(:ets.tab2list(p))
for i <- 1..10000, do: :ets.insert(p, {{7, i}, i})
for i <- 1..9990, do: :ets.take(p, {7, i})
IO.inspect(:ets.tab2list(p))
IO.inspect(:ets.first(p))
