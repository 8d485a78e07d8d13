# compile error: `case` called without a do-block
x = case 1
IO.inspect(x)
