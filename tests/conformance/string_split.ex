# String.split/1,2,3 (parts:, trim:, lists of patterns, "") and String.splitter/3
IO.inspect(String.split("  foo bar\tbaz\n qux \u0085x\u00A0y\u2003z  "))
IO.inspect(String.split(""))
IO.inspect(String.split("a,b,,c,", ","))
IO.inspect(String.split("a,b,,c,", ",", trim: true))
IO.inspect(String.split(",,a,,b,c,,", ",", parts: 3, trim: true))
IO.inspect(String.split("a,,b,c", ",", parts: 2, trim: true))
IO.inspect(String.split("1,2 3;4", [",", " ", ";"]))
IO.inspect(String.split("a b", ["a", "a b"]))
IO.inspect(String.split("abc", ["bc", "b"]))
IO.inspect(String.split("x-x-", "-", parts: 3, trim: true))
IO.inspect(String.split("héllo wörld", "ö"))

for parts <- [1, 2, 3, 4, 5, 10, :infinity], trim <- [false, true] do
  IO.inspect({parts, trim, String.split("abé", "", parts: parts, trim: trim), String.split(" a b c ", " ", parts: parts, trim: trim)})
end

IO.inspect({String.split("hello", []), String.split("", []), String.split("", [], trim: true)})
IO.inspect(String.split("a-b-c", :binary.compile_pattern("-")))
IO.inspect(String.split("a-b_c", :binary.compile_pattern(["-", "_"]), parts: 2))

IO.inspect(String.splitter("a,b,,c", ",") |> Enum.to_list())
IO.inspect(String.splitter("a,b,,c", [",", "b"], trim: true) |> Enum.to_list())
IO.inspect(String.splitter(" a b c ", " ", trim: true) |> Enum.take(2))
IO.inspect(String.splitter("1,2 3,4 5", "") |> Enum.take(4))
IO.inspect(String.splitter("abc", "", trim: true) |> Enum.map(&String.upcase/1))
IO.inspect(String.splitter("", ",") |> Enum.to_list())
IO.inspect(String.splitter("", ",", trim: true) |> Enum.to_list())
IO.inspect(String.splitter("x", []) |> Enum.to_list())

for f <- [
      fn -> String.split("a,b", [""]) end,
      fn -> String.split("abc", ",", parts: 0) end,
      fn -> String.splitter("a", [""]) end,
      fn -> String.split(:abc) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
