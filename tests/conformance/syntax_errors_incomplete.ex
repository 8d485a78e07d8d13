# What Code.string_to_quoted/1 and Code.eval_string/1 raise for input that
# ends too early (TokenMissingError at the end of the input, with a snippet of
# a non-blank last line) or closes the wrong thing (SyntaxError).
sources = [
  "defmodule ShowSnippet do",
  "defmodule ShowSnippet do\n\n",
  "fn 1",
  "1 \\",
  "1 \\\\",
  "x = 1 +",
  "foo(1",
  "foo(",
  "[1, 2",
  "%{a: 1",
  "\"abc",
  "x = (1 + 2",
  "case x do\n 1 -> 2\n",
  "if true do\n  :ok\nelse\n  :err\n",
  "'abc",
  "~s(abc",
  "<<1, 2",
  "{1, 2",
  "\t(1",
  Enum.map_join(1..11, "\n", fn _ -> "x = 1" end) <> "\n  foo(1",
  "foo(1, ]",
  "foo(1 end",
  "[1, 2)",
  "%{a: 1]",
  "fn -> ) end",
  "a\n  b = \"x\n"
]

for source <- sources do
  try do
    Code.eval_string(source)
  rescue
    e ->
      IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
      IO.inspect({e.line, e.column, e.snippet})
  end

  IO.inspect(Code.string_to_quoted(source))
end
