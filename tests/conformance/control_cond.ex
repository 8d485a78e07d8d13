fizz = fn n ->
  cond do
    rem(n, 15) == 0 -> "FizzBuzz"
    rem(n, 3) == 0 -> "Fizz"
    rem(n, 5) == 0 -> "Buzz"
    true -> to_string(n)
  end
end

1..20 |> Enum.map(fizz) |> Enum.join(" ") |> IO.puts()

temp = fn t ->
  cond do
    t < 0 -> :freezing
    t < 15 -> :cold
    t < 25 -> :mild
    true -> :hot
  end
end
IO.inspect(Enum.map([-5, 0, 14.9, 15, 30], temp))

# cond treats any value other than nil/false as truthy
v = cond do
  nil -> :nil_branch
  false -> :false_branch
  [] -> :empty_list_is_truthy
  true -> :true_branch
end
IO.inspect(v)

w = cond do
  0 -> "zero is truthy"
end
IO.puts(w)

x = 7
IO.puts(cond do
  x > 10 -> "big"
  x > 5 -> "medium"
  :else -> "small"
end)
