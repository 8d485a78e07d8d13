# Map: reading one key.
m = %{:a => 1, "b" => 2, 3 => [3], {4} => nil}

IO.inspect(Map.get(m, :a))
IO.inspect(Map.get(m, :zz))
IO.inspect(Map.get(m, :zz, :default))
IO.inspect(Map.get(m, {4}, :default))
IO.inspect(Map.fetch(m, "b"))
IO.inspect(Map.fetch(m, "c"))
IO.inspect(Map.fetch(m, {4}))
IO.inspect(Map.fetch!(m, 3))
IO.inspect(Map.has_key?(m, {4}))
IO.inspect(Map.has_key?(m, 3.0))
IO.inspect(Map.get_lazy(m, :a, fn -> raise "not called" end))
IO.inspect(Map.get_lazy(m, :missing, fn -> :computed end))
IO.inspect(is_map_key(m, :a))
IO.inspect(is_map_key(m, :b))
IO.inspect(m.a)

mod = Map
IO.inspect(mod.get(m, :a))
IO.inspect(apply(Map, :fetch, [m, 3]))
getter = &Map.get/3
IO.inspect(getter.(m, :nope, 0))

check = fn
  map when is_map_key(map, :a) -> :has_a
  _ -> :no_a
end

IO.inspect(check.(%{a: nil}))
IO.inspect(check.(%{b: 1}))

for f <- [
      fn -> Map.fetch!(m, :zz) end,
      fn -> Map.fetch!(%{}, "key") end,
      fn -> Map.get(:not_a_map, :a) end,
      fn -> Map.fetch([a: 1], :a) end,
      fn -> Map.has_key?(nil, :a) end,
      fn -> Map.get_lazy(m, :a, :not_a_fun) end,
      fn -> m.zz end,
      fn -> is_map_key(:x, :a) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
