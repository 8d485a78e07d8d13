# compile error: variable `y` is not defined
x = 1
IO.puts(x + y)
