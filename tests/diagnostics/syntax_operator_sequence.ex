# syntax error: two binary operators in a row
x = 1 + * 2
IO.puts(x)
