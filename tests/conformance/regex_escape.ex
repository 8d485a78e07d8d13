# Regex.escape/1 and matching an escaped string literally, in every mode.
IO.inspect Regex.escape("a.b*c")
IO.inspect Regex.escape(".^$*+?()[]{}|#-\\")
IO.inspect Regex.escape(" \t\n\v\f\r")
IO.inspect Regex.escape("plain text 123")
IO.inspect Regex.escape("é€/:=!<>,'\"@%&~`")
IO.inspect Regex.escape("")
IO.inspect Regex.escape(<<0, 255>>)
for s <- [".", "[\\w]", "\\", "(?:foo)", "\\A  \\z", "# not a comment", "a{2}", "x|y",
          "\\Q\\E", "1+1=2?", "$5.00", "^start", "end$", "  spaced  ", "tab\there"] do
  re = Regex.compile!(Regex.escape(s), "x")
  re2 = Regex.compile!("^" <> Regex.escape(s) <> "$", "imsux")
  IO.inspect {s, Regex.match?(re, s), Regex.match?(re2, s), Regex.match?(re, "zzz")}
end
IO.inspect Regex.match?(Regex.compile!("[" <> Regex.escape("!-#") <> "]"), "-")
IO.inspect Regex.match?(Regex.compile!("[" <> Regex.escape("!-#") <> "]"), "\"")
IO.inspect Regex.split(Regex.compile!(Regex.escape("+")), "1+2+3")
IO.inspect Regex.replace(Regex.compile!(Regex.escape("a.c")), "abc a.c", "X")
IO.inspect String.split("a.b.c", Regex.compile!(Regex.escape(".")))
try do
  Regex.escape('abc')
rescue
  e in FunctionClauseError -> IO.inspect({e.module, e.function, e.arity})
end
