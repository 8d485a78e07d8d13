IO.inspect(quote do
  a = 1
  b = 2
  a + b
end)

IO.inspect(quote do
  only_one
end)

IO.inspect(quote(do: (a; b)))

IO.inspect(quote do
  if x, do: 1, else: 2
end)

IO.inspect(quote do
  if x do
    :yes
  else
    :no
  end
end)

IO.inspect(quote do
  case v do
    {:ok, r} when is_integer(r) -> r
    _ -> 0
  end
end)

IO.inspect(quote do
  def foo(a, b \\ 1) when a > 0 do
    a + b
  end
end)

IO.inspect(quote do
  try do
    f()
  rescue
    e in RuntimeError -> e
  after
    :done
  end
end)

IO.inspect(quote(do: for(x <- xs, x > 1, do: x * 2)))
IO.inspect(quote(do: cond do
  a -> 1
  true -> 2
end))
