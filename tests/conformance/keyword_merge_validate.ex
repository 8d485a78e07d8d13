# Keyword: merge/2,3 and validate/2, validate!/2.
fun = fn _key, v1, v2 -> v1 + v2 end

IO.inspect(Keyword.merge([a: 1, b: 2], c: 11, d: 12))
IO.inspect(Keyword.merge([a: 1, b: 2, a: 3], a: 11))
IO.inspect(Keyword.merge([a: 1, b: 2], c: 11, c: 12))
IO.inspect(Keyword.merge([a: 1, b: 2, c: 3, c: 4], c: 11, c: 12, d: 13))
IO.inspect(Keyword.merge([], []))
IO.inspect(Keyword.merge([a: 1, b: 2], [c: 11, d: 12], fun))
IO.inspect(Keyword.merge([a: 1, b: 2, a: 3], [a: 11], fun))
IO.inspect(Keyword.merge([a: 1, b: 2, c: 3, c: 4], [c: 11, c: 50, d: 13], fun))

IO.inspect(Keyword.validate([one: 1], [:one, two: 2]))
IO.inspect(Keyword.validate([], one: 1, two: 2))
IO.inspect(Keyword.validate([three: 3], [:one]))
IO.inspect(Keyword.validate([one: 1, one: 2], [:one]))
IO.inspect(Keyword.validate!([two: 20], one: 1, two: 2))

for f <- [
      fn -> Keyword.merge([1, 2], c: 11) end,
      fn -> Keyword.merge([1 | 2], c: 11) end,
      fn -> Keyword.merge([a: 1], [11, 12, 0]) end,
      fn -> Keyword.merge([a: 1], [{:x, 1} | :y], fun) end,
      fn -> Keyword.merge([a: 1], [:x | :y], fun) end,
      fn -> Keyword.validate([:three], one: 1) end,
      fn -> Keyword.validate([three: 3], [:three, 3]) end,
      fn -> Keyword.validate!([three: 3, four: 4], [:one, two: 2]) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
