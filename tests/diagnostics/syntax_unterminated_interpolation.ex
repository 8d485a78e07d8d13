# syntax error: interpolation `#{` is never closed inside the string
x = 1
IO.puts("value: #{x")
