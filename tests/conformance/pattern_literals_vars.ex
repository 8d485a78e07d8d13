x = 1
IO.inspect(x)
x = 2
IO.inspect(x)
x = x + 1
IO.inspect(x)
1 = 1
:ok = :ok
"abc" = "abc"
{a, b} = {10, 20}
IO.inspect(a + b)
{_, second, _} = {:ignored, :kept, :ignored}
IO.inspect(second)
_ = :whatever
_unused = 5
[one, two] = [1, 2]
IO.inspect({one, two})
{x, x} = {7, 7}
IO.inspect(x)
result = {:ok, value} = {:ok, 99}
IO.inspect(result)
IO.inspect(value)
a = b = c = 5
IO.inspect([a, b, c])
{p, q} = {q0, p0} = {:left, :right}
IO.inspect({p, q, p0, q0})
3.5 = 3.5
nil = nil
true = 1 < 2
IO.inspect(match?({:ok, _}, {:ok, 1}))
IO.inspect(match?({:ok, _}, {:error, 1}))
IO.inspect(match?([_ | _], []))
IO.inspect(match?(%{a: _}, %{a: 1, b: 2}))
IO.inspect(match?(x when x > 5, 6))
