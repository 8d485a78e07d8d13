x = 1
f = fn -> x end
x = 2
IO.inspect({f.(), x})

g = fn x -> x * 10 end
IO.inspect(g.(5))
IO.inspect(x)

h = fn ->
  x = 99
  x
end
IO.inspect(h.())
IO.inspect(x)

y = 5
if true do
  _y = 6
end
IO.inspect(y)

y = if true, do: y + 1, else: y
IO.inspect(y)

z = case :a do
  :a -> 10
  _ -> 20
end
IO.inspect(z)

list = [1, 2, 3]
total = Enum.reduce(list, 0, fn item, acc -> item + acc + x end)
IO.inspect(total)

fs = for i <- 1..3, do: fn -> i * i end
IO.inspect(Enum.map(fs, & &1.()))

shadow = fn x, y -> {x, fn x -> {x, y} end} end
{outer, inner_fn} = shadow.(:outer, :y)
IO.inspect({outer, inner_fn.(:inner)})
