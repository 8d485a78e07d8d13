# Unsorted tables (set, bag, duplicate_bag) walk in the BEAM's hash order:
# tab2list, first/next, foldl/foldr, match and slot, for keys of every
# reproducible type, small tables and tables grown past 256 buckets.
t = :ets.new(:t, [:set])

keys = [:a, :b, :c, :d, 1, 2, 3, "x", {1, 2}, [1], 2.5, -7, Bitwise.bsl(1, 70), -Bitwise.bsl(3, 90),
        "hello world", :ok, true, false, nil, :undefined, %{1 => 2}, %{"a" => [1, 2]}, {}, [], <<1::3>>,
        'abc', [1, 2 | 3], {1.5, "b"}, -1.0e300, 0.0, 123_456_789_012_345_678, :"ünïcödé", Enum]

for k <- keys, do: :ets.insert(t, {k, 0})
IO.inspect(:ets.tab2list(t), limit: :infinity)
IO.inspect(:ets.first(t))
IO.inspect(:ets.last(t))
IO.inspect(:ets.match(t, {:"$1", :_}), limit: :infinity)
IO.inspect(:ets.foldl(fn {k, _}, acc -> [k | acc] end, [], t), limit: :infinity)
IO.inspect(:ets.foldr(fn {k, _}, acc -> [k | acc] end, [], t), limit: :infinity)

# Integers past the first 256 buckets, then a third of them deleted.
big = :ets.new(:big, [:set])
for i <- 1..1000, do: :ets.insert(big, {i, i * i})
IO.inspect(:ets.tab2list(big) |> Enum.take(40))
IO.inspect(:ets.first(big))
for i <- 1..1000, rem(i, 3) == 0, do: :ets.delete(big, i)
IO.inspect(:ets.tab2list(big) |> Enum.take(40))

# first/next by hand, last/prev (the same walk on a hash table), slot.
s = :ets.new(:s, [:set])
for i <- 1..20, do: :ets.insert(s, {i * 37})
walk = Stream.unfold(:ets.first(s), fn :"$end_of_table" -> nil; k -> {k, :ets.next(s, k)} end) |> Enum.to_list()
IO.inspect(walk)
IO.inspect(:ets.last(s))
IO.inspect(:ets.prev(s, hd(walk)))
IO.inspect(for i <- 0..255, :ets.slot(s, i) != [], do: {i, :ets.slot(s, i)})
IO.inspect(:ets.slot(s, 256))
IO.inspect(try do :ets.slot(s, 257) rescue e -> e end)
IO.inspect(try do :ets.next(s, 12345) rescue e -> e end)

# Atom keys hash by name; binaries and tuples of numbers by value.
atoms = :ets.new(:at, [:set])
for i <- 1..600, do: :ets.insert(atoms, {:"key_#{i}", i})
IO.inspect(:ets.tab2list(atoms) |> Enum.take(30))
bin = :ets.new(:bin, [:set])
for i <- 1..40, do: :ets.insert(bin, {"user_#{i}", {i, i * 1.5}})
IO.inspect(:ets.tab2list(bin) |> Enum.map(&elem(&1, 0)))
r = :ets.new(:r, [:set, {:read_concurrency, true}])
for i <- 1..30, do: :ets.insert(r, {{i, -i}})
IO.inspect(:ets.tab2list(r))

# Word counts with update_counter and a default.
words = :ets.new(:w, [:set])
for w <- ~w(the quick brown fox jumps over the lazy dog and runs away from the angry farmer who chases it), do: :ets.update_counter(words, w, 1, {w, 0})
IO.inspect(:ets.tab2list(words))
c = :ets.new(:c, [:set])
for i <- 1..400, do: :ets.update_counter(c, rem(i * 7919, 997), {2, 1}, {0, 0})
IO.inspect(:ets.tab2list(c) |> Enum.take(30))
:ets.update_element(c, :ets.first(c), {2, :changed})
IO.inspect(:ets.tab2list(c) |> Enum.take(3))
IO.inspect(:ets.insert_new(c, [{1.0, :f}, {-3, :n}]))
IO.inspect(:ets.tab2list(c) |> Enum.take(5))
:ets.delete_all_objects(c)
for i <- 1..5, do: :ets.insert(c, {i * 1000})
IO.inspect(:ets.tab2list(c))
