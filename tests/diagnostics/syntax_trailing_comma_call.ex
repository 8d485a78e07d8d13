# syntax error: trailing comma in a function call
IO.puts("a",)
