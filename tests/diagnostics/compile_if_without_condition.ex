# compile error: `if` given only `do:` and no condition (parses as a call to if/1, which does not exist)
x = if do: 1
IO.inspect(x)
