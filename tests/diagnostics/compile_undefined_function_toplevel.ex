# compile error: call to undefined function `greet/1` at the top level of the script
IO.puts("before")
greet("world")
