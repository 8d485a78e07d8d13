# OTP 25's :array: the record and tuple-tree shapes of new, set, grow, from_list/from_orddict, maps and folds.
IO.inspect({:array.new(), :array.new(15, default: 0), :array.new(size: 5, fixed: true), :array.new(25)})
a = Enum.reduce([{3, :y}, {150, :x}], :array.new(), fn {i, v}, a -> :array.set(i, v, a) end)
IO.inspect(a, limit: :infinity)
IO.inspect({:array.size(a), :array.get(3, a), :array.get(4, a), :array.get(5000, a), :array.default(a)})
IO.inspect(:array.from_list([:a, :b, :c]))
l = :array.from_list(Enum.to_list(1..25), 0)
IO.inspect(l, limit: :infinity)
IO.inspect({:array.to_list(l) == Enum.to_list(1..25), :array.sparse_size(l), :array.is_array(l), :array.is_array({1})})
for od <- [[{0, :a}, {1, :b}, {2, :c}, {25, :d}], [{10, :a}], [{11, :a}], [{5, :a}, {150, :b}], [{0, :a}, {1000, :b}], [{150, :b}], [{9, :z}]] do
  IO.inspect(:array.from_orddict(od), limit: :infinity)
end
f = :array.fix(:array.from_list([1, 2, 3]))
IO.inspect({:array.is_fix(f), :array.is_fix(l), :array.relax(f), :array.resize(2, l) |> :array.to_list()})
IO.inspect(:array.resize(40, :array.from_list([1, 2])), limit: :infinity)
IO.inspect(:array.resize(:array.set(30, :q, :array.new())), limit: :infinity)
s = :array.reset(1, :array.from_list([:a, :b, :c]))
IO.inspect({s, :array.reset(50, a) == a, :array.reset(4, a) == a})
IO.inspect({:array.sparse_to_list(a), :array.sparse_to_orddict(a), :array.to_orddict(:array.from_list([:p, :q]))})
IO.inspect(:array.map(fn i, v -> {i, v} end, :array.new(12)), limit: :infinity)
IO.inspect(:array.sparse_map(fn i, v -> {i, v} end, a), limit: :infinity)
IO.inspect(:array.foldl(fn i, v, acc -> [{i, v} | acc] end, [], :array.from_list([:a, :b, :c])))
IO.inspect(:array.foldr(fn i, v, acc -> [{i, v} | acc] end, [], :array.from_list([:a, :b, :c])))
IO.inspect({:array.sparse_foldl(fn i, v, acc -> [{i, v} | acc] end, [], a), :array.sparse_foldr(fn i, _, acc -> [i | acc] end, [], a), :array.sparse_size(a)})
for f <- [fn -> :array.set(5, :x, f) end, fn -> :array.get(-1, a) end, fn -> :array.get(7, f) end, fn -> :array.new(:bad) end,
          fn -> :array.from_orddict([{1, :a}, {0, :b}]) end, fn -> :array.size(:x) end, fn -> :array.foldl(:x, [], a) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.format_banner(:error, e))
  end
end
