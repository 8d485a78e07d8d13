# String.trim*/1,2 and pad_leading/pad_trailing: Unicode whitespace, strings to trim, paddings
for s <- ["  abc  ", "\t\n\v\f\r abc \u0085", "\u00A0abc\u2007\u202F", "\u2008a b\u2005", "\u001Fabc\u001F", "", "   ", <<" a", 255, " ">>] do
  IO.inspect({String.trim(s), String.trim_leading(s), String.trim_trailing(s)})
end

IO.inspect(String.trim("___  abc  ___", "_"))
IO.inspect(String.trim("猫猫猫cat猫猫猫", "猫猫"))
IO.inspect({String.trim_leading("aaa aaa", "aa"), String.trim_trailing("aaa aaa", "aa")})
IO.inspect({String.trim_leading("", "t"), String.trim_trailing("t", "t"), String.trim("tt", "t")})
IO.inspect({String.trim_trailing("1\n"), String.trim_trailing("\r\n"), String.trim_leading("\n\na")})

IO.inspect(String.pad_leading("abc", 6))
IO.inspect(String.pad_trailing("abc", 6))
IO.inspect(String.pad_leading("猫", 4, "あい"))
IO.inspect(String.pad_trailing("---", 9, "abc"))
IO.inspect(String.pad_leading("---", 5, ["abc"]))
IO.inspect(String.pad_trailing("--", 6, ["a", "bc"]))
IO.inspect({String.pad_leading("abcdef", 3), String.pad_trailing("", 0), String.pad_leading("e\u0301", 3, "*")})

for f <- [
      fn -> String.pad_leading("-", -1) end,
      fn -> String.pad_trailing("-", 1, []) end,
      fn -> String.pad_leading("-", 3, ["-", 10]) end,
      fn -> String.pad_trailing("a", 3, "") end,
      fn -> String.trim("abc", "") end,
      fn -> String.trim_leading(:abc) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
