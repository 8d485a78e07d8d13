# syntax error: unexpected `]`
IO.inspect([1, 2]])
