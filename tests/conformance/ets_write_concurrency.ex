# write_concurrency tables (true, auto, with decentralized counters) walk their
# buckets by their 64 locks and, with decentralized counters, grow and shrink
# by one lock's count, as erts' fine-locked hash tables.
for opts <- [[{:write_concurrency, true}], [{:write_concurrency, true}, {:read_concurrency, true}], [{:write_concurrency, :auto}], [{:write_concurrency, true}, {:decentralized_counters, true}]] do
  t = :ets.new(:t, [:set | opts])
  for i <- 1..40, do: :ets.insert(t, {i})
  IO.inspect(:ets.tab2list(t), label: inspect(opts))
  for i <- 41..1000, do: :ets.insert(t, {i})
  IO.inspect(:ets.tab2list(t) |> Enum.take(30))
  walk = Stream.unfold(:ets.first(t), fn :"$end_of_table" -> nil; k -> {k, :ets.next(t, k)} end) |> Enum.take(20)
  IO.inspect(walk)
  {l, c} = :ets.select(t, [{{:"$1"}, [], [:"$1"]}], 10)
  IO.inspect(l)
  IO.inspect(elem(:ets.select(c), 0))
  for i <- 1..990, do: :ets.delete(t, i)
  IO.inspect(:ets.tab2list(t))
end
for opts <- [[{:write_concurrency, :auto}], [{:write_concurrency, true}], []] do
  t = :ets.new(:t, [:set, :public | opts])
  for i <- 1..20000, do: :ets.insert(t, {i})
  IO.inspect(:ets.tab2list(t) |> Enum.take(10), label: inspect(opts))
  for i <- 1..19990, do: :ets.delete(t, i)
  IO.inspect(:ets.tab2list(t))
  for i <- 1..300, do: :ets.insert(t, {i * 3})
  IO.inspect(:ets.tab2list(t) |> Enum.take(20))
  b = :ets.new(:b, [:bag, :public | opts])
  for i <- 1..3000, do: :ets.insert(b, {rem(i, 700), i})
  IO.inspect(:ets.tab2list(b) |> Enum.take(12))
  IO.inspect(:ets.select_delete(b, [{{:_, :"$1"}, [{:>, :"$1", 200}], [true]}]))
  IO.inspect(:ets.tab2list(b) |> Enum.take(12))
  :ets.delete_all_objects(b)
  for i <- 1..70, do: :ets.insert(b, {i})
  IO.inspect(:ets.tab2list(b) |> Enum.take(12))
end
