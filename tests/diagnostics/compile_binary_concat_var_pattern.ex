# compile error: binary pattern `<>` with a variable (unknown size) on the left side
x = "key="
x <> rest = "key=value"
IO.puts(rest)
