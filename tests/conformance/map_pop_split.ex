# Map: removing keys, taking parts.
m = %{a: 1, b: 2, c: 3, d: 4}

IO.inspect(Map.delete(m, :a))
IO.inspect(Map.delete(m, :zz))
IO.inspect(Map.drop(m, [:a, :c, :zz]))
IO.inspect(Map.drop(m, []))
IO.inspect(Map.take(m, [:d, :a, :zz]))
IO.inspect(Map.take(m, []))
IO.inspect(Map.split(m, [:b, :c, :zz]))
IO.inspect(Map.split(m, []))
IO.inspect(Map.pop(m, :a))
IO.inspect(Map.pop(m, :zz))
IO.inspect(Map.pop(m, :zz, :default))
IO.inspect(Map.pop!(m, :d))
IO.inspect(Map.pop_lazy(m, :b, fn -> raise "not called" end))
IO.inspect(Map.pop_lazy(m, :zz, fn -> :lazy end))
IO.inspect(Map.take(%{1 => :a, 1.0 => :b}, [1.0]))
IO.inspect(Map.drop(%{1 => :a, 1.0 => :b}, [1]))

mod = Map
IO.inspect(mod.take(m, [:a]))
IO.inspect(mod.split(m, [:a]))

for f <- [
      fn -> Map.pop!(m, :zz) end,
      fn -> Map.pop!(:nope, :a) end,
      fn -> Map.pop(:nope, :a) end,
      fn -> Map.delete([], :a) end,
      fn -> Map.take(:foo, []) end,
      fn -> Map.drop(:foo, []) end,
      fn -> Map.split(:foo, []) end,
      fn -> Map.take(m, [:a | :b]) end,
      fn -> Map.drop(m, [:a | :b]) end,
      fn -> Map.split(m, [:a | :b]) end,
      fn -> Map.pop_lazy(m, :a, :not_a_fun) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
