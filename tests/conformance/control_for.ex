IO.inspect(for x <- [1, 2, 3], do: x * 2)
IO.inspect(for x <- 1..10, rem(x, 2) == 0, do: x)
IO.inspect(for x <- 1..3, y <- [:a, :b], do: {x, y})
IO.inspect(for x <- 1..4, y <- x..4, x + y == 5, do: {x, y})
IO.inspect(for {:ok, v} <- [{:ok, 1}, {:error, 2}, {:ok, 3}, :skip], do: v)
IO.inspect(for [a, b] <- [[1, 2], [3], [4, 5], [6, 7, 8]], do: a + b)
IO.inspect(for {k, v} <- %{b: 2, a: 1}, do: {v, k})
IO.inspect(for c <- 'abc', do: c + 1)
IO.inspect(for x <- [1, 2, 3], into: %{}, do: {x, x * x})
IO.inspect(for {k, v} <- [a: 1, b: 2], into: %{}, do: {k, v * 10})
IO.inspect(for x <- ["a", "b", "c"], into: "", do: x <> x)
IO.inspect(for x <- [], do: x)
IO.inspect(for x <- 1..3, x > 5, do: x)
IO.inspect(for x <- 1..3, is_integer(x), x != 2, do: x)
for n <- 1..3 do
  IO.puts("line #{n}")
end
triples =
  for a <- 1..20, b <- a..20, c <- b..20, a * a + b * b == c * c do
    {a, b, c}
  end
IO.inspect(triples)
IO.inspect(for x <- [1, 2], y <- [x * 10], do: y + 1)
