# syntax error: `=>` used in keyword-style position inside a list
IO.inspect([a => 1])
