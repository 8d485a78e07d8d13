# syntax error: leading comma in a list
IO.inspect([, 1, 2])
