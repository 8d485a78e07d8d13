# syntax error: `fn` is never closed with `end`
f = fn x -> x * 2
IO.puts(f.(2))
