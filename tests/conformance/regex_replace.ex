# Regex.replace/4: \N, \g{N}, \0, escaped backslashes, function replacements of any arity, global: false.
IO.inspect Regex.replace(~r/b/, "abcbd", "X")
IO.inspect Regex.replace(~r/b/, "abcbd", "X", global: false)
IO.inspect Regex.replace(~r/z/, "abc", "X")
IO.inspect Regex.replace(~r/(\w+)@(\w+)/, "joe@home ann@work", "\\2:\\1")
IO.inspect Regex.replace(~r/(\w+)@(\w+)/, "joe@home", "[\\0] [\\g{2}] [\\g{1}x]")
IO.inspect Regex.replace(~r/(a)/, "a", "\\10|\\2|\\9")
IO.inspect Regex.replace(~r/(a)/, "aa", "\\\\1")
IO.inspect Regex.replace(~r/(a)/, "aa", "\\x\\")
IO.inspect Regex.replace(~r/(a)/, "aa", "&\\g{01}\\g")
try do
  Regex.replace(~r/(a)/, "aa", "\\g{1")
rescue
  e in MatchError -> IO.inspect(e.term)
end
IO.inspect Regex.replace(~r//, "abc", "-")
IO.inspect Regex.replace(~r/b*/, "abc", "-")
IO.inspect Regex.replace(~r/x*/u, "héllo", ".")
IO.inspect Regex.replace(~r/é/u, "aébé", "E")
IO.inspect Regex.replace(~r/\s+/, "  a   b  ", " ")
IO.inspect Regex.replace(~r/^/m, "a\nb\nc", "> ")
IO.inspect Regex.replace(~r/\d+/, "a1b22c333", fn n -> Integer.to_string(String.to_integer(n) * 2) end)
IO.inspect Regex.replace(~r/(a)(b)?/, "xaxab", fn -> "!" end)
IO.inspect Regex.replace(~r/(a)(b)?/, "xaxab", fn a, b -> "<#{a}|#{b}>" end)
IO.inspect Regex.replace(~r/(a)(b)?/, "xaxab", fn a, b, c -> "<#{a}|#{b}|#{c}>" end)
IO.inspect Regex.replace(~r/(a)(b)?/, "xaxab", fn a, b, c, d -> "<#{a}|#{b}|#{c}|#{d}>" end)
IO.inspect Regex.replace(~r/a/, "aaa", fn x -> [x, ?!, 'x'] end)
IO.inspect Regex.replace(~r/a/, "aaa", fn _ -> "" end, global: false)
IO.inspect Regex.replace(~r/(?<w>\w+)/, "hello world", fn w -> String.upcase(w) end)
IO.inspect String.replace("a1b2", ~r/\d/, "#")
IO.inspect String.replace("a1b2", ~r/(\d)/, "<\\1>")
IO.inspect String.replace("a1b2", ~r/\d/, fn d -> d <> d end)
for repl <- [:x, 1] do
  try do
    Regex.replace(~r/a/, "aaa", repl)
  rescue
    e -> IO.inspect(e.__struct__)
  end
end
IO.inspect Regex.replace(~r/z/, "aaa", :not_used)
try do
  Regex.replace(~r/a/, 'aaa', "x")
rescue
  e in FunctionClauseError -> IO.inspect({e.module, e.function, e.arity})
end
