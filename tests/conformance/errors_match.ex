try do
  {:ok, _} = {:error, :nope}
rescue
  e in MatchError ->
    IO.puts(Exception.message(e))
    IO.inspect(e.term)
end

try do
  [_, _] = [1, 2, 3]
rescue
  e -> IO.puts("caught: " <> Exception.message(e))
end

v = :value
try do
  ^v = :other
rescue
  e -> IO.inspect(e)
end

try do
  "abc" <> _ = "xyz"
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  %{key: _} = %{other: 1}
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  {a, b} = {1, 2, 3}
  IO.inspect({a, b})
rescue
  e in MatchError -> IO.inspect(e)
end
IO.puts("end")
