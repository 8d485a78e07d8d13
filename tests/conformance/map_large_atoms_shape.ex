# Large maps: atom keys the BEAM numbers alike in every run, and the trie's
# shape (so its order) fixed by the key set however the map was built.
atoms = [:ok, :error, true, false, nil, :undefined, :badarg, :value, :name, :id,
  :data, :count, :size, :type, :normal, :infinity, :kill, :exit, :throw, :module,
  :function, :arity, :reason, :timeout, :binary, :erlang, :lists, :call, :message,
  :badkey, :badmap, :badarith, :undef, :all, :file, :line, :node, :process, :port]
m = Map.new(Enum.with_index(atoms))
IO.inspect(m, limit: :infinity)
IO.inspect(Enum.map(m, fn {k, _} -> k end), limit: :infinity)
keys = Enum.to_list(1..60) ++ Enum.map(1..20, &"k#{&1}") ++ Enum.map(1..10, &{&1})
a = Map.new(keys, &{&1, 0})
b = Enum.reduce(Enum.reverse(keys), %{}, &Map.put(&2, &1, 0))
c = Enum.reduce(Enum.with_index(keys) |> Enum.sort_by(fn {_, i} -> rem(i * 37, 91) end), %{}, fn {k, _}, acc -> Map.put(acc, k, 0) end)
d = Map.merge(Map.new(1..200, &{&1 * 1000, 1}), a) |> Map.drop(Enum.map(1..200, &(&1 * 1000)))
e = :maps.from_list(Enum.map(keys, &{&1, 0}))
IO.inspect(Enum.map([b, c, d, e], &(Map.keys(&1) == Map.keys(a))))
IO.inspect(Map.keys(a), limit: :infinity)
f = Enum.reduce(1..57, a, fn i, acc -> Map.delete(acc, i) end)
IO.inspect({map_size(f), Map.keys(f)})
g = Enum.reduce(1..58, a, fn i, acc -> Map.delete(acc, i) end)
IO.inspect({map_size(g), Map.keys(g)})
h = Map.put(g, 1, 0)
IO.inspect({map_size(h), Map.keys(h) == Map.keys(Map.new(Map.to_list(h)))})
IO.inspect(Map.keys(h))
{v, rest} = Map.pop(a, 30)
IO.inspect({v, map_size(rest), Enum.take(Map.keys(rest), 10)})
IO.inspect(Map.take(a, Enum.to_list(1..40)) |> Map.keys())
IO.inspect(Map.split(a, Enum.to_list(1..45)) |> elem(0) |> Map.keys())
IO.inspect(a == e and Map.equal?(b, c))
IO.inspect(Map.update!(a, 7, &(&1 + 1)) |> Map.values() |> Enum.sum())
IO.inspect(MapSet.new(keys) |> MapSet.to_list() |> Enum.take(15))
IO.inspect(MapSet.new(1..50) |> MapSet.difference(MapSet.new(1..10)), limit: :infinity)
IO.inspect(:erlang.term_to_binary(Map.new(1..33, &{&1, &1})) |> :erlang.md5() |> Base.encode16())
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(a)) |> Map.keys() == Map.keys(a))
