# syntax error: reserved word `end` used as a variable name
end = 1
IO.puts(end)
