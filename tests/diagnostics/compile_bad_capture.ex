# compile error: capture `&` with no argument placeholder in the expression
f = &(1 + 2)
IO.inspect(f.())
