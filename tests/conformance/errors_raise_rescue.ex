r1 =
  try do
    raise "plain message"
  rescue
    e in RuntimeError -> {:runtime, e.message}
  end
IO.inspect(r1)

r2 =
  try do
    raise ArgumentError, "bad arg"
  rescue
    e in ArgumentError -> {:arg, Exception.message(e)}
  end
IO.inspect(r2)

r3 =
  try do
    raise ArgumentError, message: "keyword message"
  rescue
    e -> Exception.message(e)
  end
IO.inspect(r3)

r4 =
  try do
    raise "bare rescue"
  rescue
    RuntimeError -> :caught_by_module_name
  end
IO.inspect(r4)

r5 =
  try do
    raise ArgumentError
  rescue
    e in [RuntimeError, ArgumentError] -> {:list_rescue, Exception.message(e)}
  end
IO.inspect(r5)

r6 =
  try do
    :no_error
  rescue
    _ -> :never
  end
IO.inspect(r6)

r7 =
  try do
    raise RuntimeError
  rescue
    e -> {e.__struct__, Exception.message(e)}
  end
IO.inspect(r7)
IO.puts("still running")
