# compile error: the `_` wildcard cannot be read as a value
x = _
IO.inspect(x)
