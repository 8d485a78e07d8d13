# syntax error: call arguments never closed, end of file reached
IO.puts(Enum.map([1, 2], fn x -> x end)
