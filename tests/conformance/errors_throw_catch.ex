r1 =
  try do
    throw(:found)
  catch
    value -> {:caught, value}
  end
IO.inspect(r1)
r2 =
  try do
    throw({:result, 42})
  catch
    :throw, {:result, n} -> n * 2
  end
IO.inspect(r2)

find_first_even = fn list ->
  try do
    Enum.each(list, fn x -> if rem(x, 2) == 0, do: throw(x) end)
    :none
  catch
    x -> {:first_even, x}
  end
end
IO.inspect(find_first_even.([1, 3, 6, 7, 8]))
IO.inspect(find_first_even.([1, 3]))
kinds = [
  fn -> throw(:t) end,
  fn -> exit(:bye) end,
  fn -> raise "err" end,
  fn -> hd([]) end,
  fn -> [] = [:x] end
]
for f <- kinds do
  try do
    f.()
  catch
    kind, value -> IO.inspect({kind, value})
  end
end
r3 =
  try do
    exit({:shutdown, 1})
  catch
    :exit, reason -> {:exit_caught, reason}
  end
IO.inspect(r3)
r4 =
  try do
    raise ArgumentError, "via catch"
  catch
    :error, %ArgumentError{message: m} -> {:error_kind, m}
  end
IO.inspect(r4)
r5 =
  try do
    1 + :x
  catch
    :error, reason -> reason
  end
IO.inspect(r5)
