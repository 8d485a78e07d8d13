# syntax error: `:` followed by a space is not an atom
x = : foo
IO.inspect(x)
