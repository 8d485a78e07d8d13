# compile error: &1 is used outside of a capture
x = &1 + 2
IO.inspect(x)
