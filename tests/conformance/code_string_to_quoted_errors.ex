for {s, o} <- [{"1 + * 2", []}, {"x = (1", []}, {"a\nb +", []}, {"1 +", [line: 5, column: 10]}, {"foo(", [column: 3]}, {"\"abc", []}, {"[1, 2", []}, {"%{a: ", []}, {"1 + * 2", [line: 3, column: 4]}, {"fn x ->", []}, {"<<1", []}] do
  IO.inspect(Code.string_to_quoted(s, o))
  try do
    Code.string_to_quoted!(s, o)
  rescue
    e ->
      IO.inspect(e)
      IO.puts(Exception.message(e))
  end
end
try do
  Code.eval_string("foo(")
rescue
  e -> IO.inspect(e)
end
try do
  Code.eval_string("1 + * 2")
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect(%SyntaxError{})
IO.inspect(%TokenMissingError{})
IO.inspect(%SyntaxError{description: "x", line: 1, file: "f.ex", column: 2} |> Exception.message())
for src <- ["defmodule ShowSnippet do\n\n", "x = [1,\n2", "if true do\n  1\n"] do
  try do
    Code.eval_string(src)
  rescue
    e -> IO.puts(Exception.message(e)); IO.inspect({e.line, e.column, e.snippet})
  end
  IO.inspect(Code.string_to_quoted(src))
end
