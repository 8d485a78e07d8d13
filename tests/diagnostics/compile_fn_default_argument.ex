# compile error: anonymous functions take no defaults
f = fn x, y \\ 1 -> x + y end
IO.inspect(f.(1, 2))
