# syntax error: map literal `%{` is never closed
m = %{a: 1, b: 2
IO.inspect(m)
