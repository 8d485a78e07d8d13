# String.slice/2,3 and split_at/2: negative indexes, ranges, steps, errors
s = "héllo wörld"
for {start, len} <- [{0, 3}, {2, 4}, {-3, 2}, {-20, 3}, {11, 1}, {20, 2}, {3, 0}, {-1, 5}] do
  IO.inspect(String.slice(s, start, len), label: "slice(#{start}, #{len})")
end

ranges = [0..2, 1..-1, -5..-1, -3..-4, 5..-1, 3..1, -100..100, 0..-2//2, 1..9//3, -5..-1//2, 2..0//-1, 4..20//5]
for r <- ranges do
  IO.inspect(String.slice(s, r), label: "slice(#{inspect(r)})")
end

IO.inspect(String.slice("a·̀ͯ‿.⁀:", 0..-2//2))
IO.inspect(String.slice("", 0..0))
IO.inspect(String.slice("\r\nab", 0..0))
IO.inspect(String.slice("hello あいうえお Unicode", 8..-1//2))

for n <- [0, 2, 3, 4, -1, -3, -4, 1000, -1000] do
  IO.inspect(String.split_at("abc", n), label: "split_at(#{n})")
end

IO.inspect(String.split_at("e\u0301x", 1))
IO.inspect(String.split_at(<<?a, 195, 10, ?a>>, 2))

for f <- [
      fn -> String.slice("abc", 1..2//-1) end,
      fn -> String.slice("abc", 0, -1) end,
      fn -> String.slice(nil, 0..1) end,
      fn -> String.split_at("abc", 0.5) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
