# syntax error: string literal is never terminated
IO.puts("hello world)
IO.puts("next")
