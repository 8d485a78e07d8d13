# syntax error: number literal ending in `_`
x = 1_
IO.puts(x)
