# syntax error: unexpected `)` with no matching `(`
x = 1 + 2)
IO.puts(x)
