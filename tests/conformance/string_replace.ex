# String.replace/3,4 (global:, lists, function replacements, "") and replace_leading/trailing/prefix/suffix
IO.inspect(String.replace("a,b,c", ",", "-"))
IO.inspect(String.replace("a,b,c", ",", "-", global: false))
IO.inspect(String.replace("a,b,c", [",", "b"], "-"))
IO.inspect(String.replace("a,b,c", [",", "b"], "-", global: false))
IO.inspect(String.replace("ãéã", "é", "e", global: false))
IO.inspect(String.replace("aaa", "aa", "b"))
IO.inspect(String.replace("ELIXIR", "", "."))
IO.inspect(String.replace("ELIXIR", "", ".", global: false))
IO.inspect(String.replace("noël", "", "|"))
IO.inspect(String.replace("elixir", [], "x"))
IO.inspect(String.replace("a,b,c", ",", fn "," -> "-" end))
IO.inspect(String.replace("a,b,c", [",", "b"], fn x -> "[#{x}]" end))
IO.inspect(String.replace("a,b,c", [",", "b"], fn x -> [?[, x, ?]] end, global: false))
IO.inspect(String.replace("ELIXIR", "", fn "" -> ["."] end))
IO.inspect(String.replace("abc", "x", fn _ -> "y" end))
IO.inspect(String.replace("a-b", :binary.compile_pattern("-"), "+"))

IO.inspect(String.replace_leading("aa abc   ", "a", "b"))
IO.inspect(String.replace_leading("aaaaaaaa ", "aaa", "b"))
IO.inspect(String.replace_leading("]]]]]] ]", "]", ""))
IO.inspect(String.replace_leading("猫猫 cat  ", "猫", "й"))
IO.inspect(String.replace_trailing(" aaaaaaaa", "aaa", "b"))
IO.inspect(String.replace_trailing("] ]]]]]]", "]", "[]"))
IO.inspect(String.replace_trailing("  cat 猫猫", "猫", "й"))
IO.inspect({String.replace_prefix("world", "hello ", ""), String.replace_prefix("hello world", "hello ", ""), String.replace_prefix("abc", "", "x")})
IO.inspect({String.replace_suffix("hello", " world", ""), String.replace_suffix("hello world", " world", ""), String.replace_suffix("abc", "", "x")})

for f <- [
      fn -> String.replace("a,b,c", "a,b,c", ",", "") end,
      fn -> String.replace("elixir", [""], "") end,
      fn -> String.replace_leading("foo", "", "bar") end,
      fn -> String.replace_trailing("", "", "bar") end,
      fn -> String.replace("abc", "b", :x) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
