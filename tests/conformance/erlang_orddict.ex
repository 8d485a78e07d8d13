# OTP 25's :orddict: sorted pair lists, stores, updates, merges and errors.
d = :orddict.from_list([{:b, 2}, {:a, 1}, {:c, 3}, {:a, 10}])
IO.inspect(d)
IO.inspect(:orddict.from_list([{1, :x}]))
IO.inspect(:orddict.new())
IO.inspect({:orddict.size(d), :orddict.is_empty(d), :orddict.is_empty([])})
IO.inspect({:orddict.is_key(:a, d), :orddict.is_key(:z, d), :orddict.is_key(0, d)})
IO.inspect({:orddict.fetch(:b, d), :orddict.find(:c, d), :orddict.find(:x, d)})
IO.inspect(:orddict.fetch_keys(d))
IO.inspect(:orddict.store(:bb, 22, d))
IO.inspect(:orddict.store(:a, :new, d))
IO.inspect(:orddict.store(1, :one, :orddict.store(1.0, :float, [])))
IO.inspect(:orddict.erase(:b, d))
IO.inspect(:orddict.erase(:zz, d))
IO.inspect(:orddict.take(:b, d))
IO.inspect(:orddict.take(:q, d))
IO.inspect(:orddict.append(:l, 1, :orddict.append(:l, 0, d)))
IO.inspect(:orddict.append_list(:a0, [1, 2], :orddict.append_list(:a0, [0], d)))
IO.inspect(:orddict.update(:a, &(&1 * 100), d))
IO.inspect(:orddict.update(:z, &(&1 * 100), :init, d))
IO.inspect(:orddict.update(:c, &(&1 * 100), :init, d))
IO.inspect(:orddict.update_counter(:a, 5, d))
IO.inspect(:orddict.update_counter(:aa, 5, d))
IO.inspect(:orddict.fold(fn k, v, acc -> [{v, k} | acc] end, [], d))
IO.inspect(:orddict.map(fn k, v -> {k, v} end, d))
IO.inspect(:orddict.filter(fn _k, v -> v > 1 end, d))
d2 = :orddict.from_list([{:c, 30}, {:d, 40}, {0, :zero}])
IO.inspect(:orddict.merge(fn k, v1, v2 -> {k, v1, v2} end, d, d2))
IO.inspect(:orddict.merge(fn _, a, _ -> a end, [], d2))
IO.inspect(:orddict.to_list(d) == d)
for f <- [
      fn -> :orddict.fetch(:nope, d) end,
      fn -> :orddict.update(:nope, & &1, d) end,
      fn -> :orddict.from_list([{:a, 1}, :bad]) end,
      fn -> :orddict.filter(fn _, _ -> :maybe end, d) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.format_banner(:error, e))
  end
end
