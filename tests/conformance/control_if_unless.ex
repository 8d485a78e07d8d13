check = fn x ->
  if x > 10 do
    "big"
  else
    "small"
  end
end
IO.puts(check.(11))
IO.puts(check.(3))

IO.inspect(if false, do: :yes)
IO.inspect(if nil, do: :yes, else: :no)
IO.inspect(if 0, do: :zero_truthy, else: :no)
IO.inspect(if "", do: :empty_string_truthy)
IO.inspect(if [], do: :empty_list_truthy)

unless 1 > 2 do
  IO.puts("unless ran")
end
IO.inspect(unless true, do: :never)
IO.inspect(unless false, do: :ran, else: :other)
IO.inspect(unless nil, do: "nil is falsy")

value = if true, do: 1, else: 2
IO.inspect(value)

nested = fn a, b ->
  if a do
    if b, do: :both, else: :only_a
  else
    if b, do: :only_b, else: :neither
  end
end
IO.inspect(for a <- [true, false], b <- [true, false], do: nested.(a, b))

x = 10
x = if x > 5, do: x * 2, else: x
IO.inspect(x)
