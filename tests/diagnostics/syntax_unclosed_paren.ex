# syntax error: `(` is never closed
x = (1 + 2
IO.puts(x)
