# syntax error: `(` closed by `]`
IO.inspect(foo(1, 2])
