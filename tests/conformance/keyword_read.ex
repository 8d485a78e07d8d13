# Keyword: reading keyword lists (duplicate keys, order).
kw = [a: 1, b: 2, a: 3, c: nil]

IO.inspect(Keyword.get(kw, :a))
IO.inspect(Keyword.get(kw, :zz))
IO.inspect(Keyword.get(kw, :zz, :default))
IO.inspect(Keyword.get(kw, :c, :default))
IO.inspect(Keyword.get_lazy(kw, :zz, fn -> :lazy end))
IO.inspect(Keyword.get_values(kw, :a))
IO.inspect(Keyword.get_values(kw, :zz))
IO.inspect(Keyword.fetch(kw, :b))
IO.inspect(Keyword.fetch(kw, :zz))
IO.inspect(Keyword.fetch!(kw, :a))
IO.inspect(Keyword.has_key?(kw, :c))
IO.inspect(Keyword.has_key?(kw, :d))
IO.inspect(Keyword.keys(kw))
IO.inspect(Keyword.values(kw))
IO.inspect(Keyword.to_list(kw))
IO.inspect(Keyword.keyword?(kw))
IO.inspect(Keyword.keyword?([{"a", 1}]))
IO.inspect(Keyword.keyword?([{:a, 1} | :tail]))
IO.inspect(Keyword.keyword?([]))
IO.inspect(Keyword.equal?([a: 1, b: 2], [b: 2, a: 1]))
IO.inspect(Keyword.equal?([a: 1], [a: 1, a: 1]))
IO.inspect(Keyword.take(kw, [:a, :c]))
IO.inspect(Keyword.drop(kw, [:a]))
IO.inspect(Keyword.split(kw, [:a, :zz]))
IO.inspect(Keyword.filter(kw, fn {_, v} -> is_integer(v) and v > 1 end))
IO.inspect(Keyword.reject(kw, fn {k, _} -> k == :a end))
IO.inspect(Keyword.new())
IO.inspect(Keyword.new([{:b, 1}, {:a, 2}, {:b, 3}]))
IO.inspect(Keyword.new([:x, :y], fn k -> {k, Atom.to_string(k)} end))
IO.inspect(Keyword.from_keys([:p, :q], 0))
IO.inspect(kw[:a])
IO.inspect(kw[:missing])

for f <- [
      fn -> Keyword.fetch!(kw, :zz) end,
      fn -> Keyword.get(kw, "a") end,
      fn -> Keyword.get(:not_list, :a) end,
      fn -> kw["a"] end,
      fn -> Keyword.new([1, 2]) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
