# syntax error: missing comma between list elements
IO.inspect([1 2 3])
