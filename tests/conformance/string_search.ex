# String.contains?/starts_with?/ends_with?/match? with strings, lists and compiled patterns
s = "elixir of life"
for p <- ["of", "", [], [""], ["mercury", "life"], "death", ["death", "eternal life"], "elixir", "life", "Elixir"] do
  IO.inspect({p, String.contains?(s, p), String.starts_with?(s, p), String.ends_with?(s, p)})
end

IO.inspect({String.contains?("エリクシア", "シ"), String.starts_with?("エリクシア", "エリ"), String.ends_with?("エリクシア", "シア")})
IO.inspect({String.starts_with?("hello", ["hellö", "hell"]), String.ends_with?("hello", ["hellö", "lo"])})
IO.inspect({String.starts_with?("", ""), String.ends_with?("", "a"), String.contains?("", "")})
IO.inspect(String.contains?("a-b", :binary.compile_pattern(["-", "+"])))
IO.inspect({String.match?("abc123", ~r/\d+/), String.match?("abc", ~r/^\d+$/)})

for f <- [fn -> String.contains?(:abc, "a") end, fn -> String.starts_with?(:abc, "a") end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
