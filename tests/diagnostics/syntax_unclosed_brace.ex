# syntax error: `{` is never closed
t = {:ok, 1
IO.inspect(t)
