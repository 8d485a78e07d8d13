# Keyword: changing keyword lists.
kw = [a: 1, b: 2, a: 3]

IO.inspect(Keyword.put(kw, :a, 0))
IO.inspect(Keyword.put(kw, :z, 26))
IO.inspect(Keyword.put_new(kw, :a, 0))
IO.inspect(Keyword.put_new(kw, :z, 26))
IO.inspect(Keyword.put_new_lazy(kw, :z, fn -> :lazy end))
IO.inspect(Keyword.delete(kw, :a))
IO.inspect(Keyword.delete_first(kw, :a))
IO.inspect(Keyword.replace(kw, :a, :new))
IO.inspect(Keyword.replace(kw, :zz, :new))
IO.inspect(Keyword.replace!(kw, :b, :new))
IO.inspect(Keyword.replace_lazy(kw, :a, &(&1 * 100)))
IO.inspect(Keyword.update(kw, :a, 0, &(&1 * 2)))
IO.inspect(Keyword.update(kw, :z, 0, &(&1 * 2)))
IO.inspect(Keyword.update!(kw, :b, &(&1 * 2)))
IO.inspect(Keyword.pop(kw, :a))
IO.inspect(Keyword.pop(kw, :zz, :default))
IO.inspect(Keyword.pop!(kw, :b))
IO.inspect(Keyword.pop_lazy(kw, :zz, fn -> :lazy end))
IO.inspect(Keyword.pop_first(kw, :a))
IO.inspect(Keyword.pop_first(kw, :zz, :none))
IO.inspect(Keyword.pop_values(kw, :a))
IO.inspect(Keyword.get_and_update(kw, :a, fn v -> {v, v + 10} end))
IO.inspect(Keyword.get_and_update(kw, :z, fn v -> {v, :set} end))
IO.inspect(Keyword.get_and_update(kw, :a, fn _ -> :pop end))
IO.inspect(Keyword.get_and_update!(kw, :b, fn v -> {v, -v} end))

for f <- [
      fn -> Keyword.replace!([], :b, :new) end,
      fn -> Keyword.replace!(kw, :c, :new) end,
      fn -> Keyword.update!(kw, :c, & &1) end,
      fn -> Keyword.pop!(kw, :c) end,
      fn -> Keyword.get_and_update!(kw, :c, fn v -> {v, v} end) end,
      fn -> Keyword.get_and_update(kw, :a, fn v -> v end) end,
      fn -> Keyword.get_and_update([], :a, fn v -> v end) end,
      fn -> Keyword.put(kw, "a", 1) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
