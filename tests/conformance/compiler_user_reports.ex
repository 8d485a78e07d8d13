# Issue 12's reported bugs: binding order among siblings, guards whose
# left side raises, do on the next line, stepped ranges in patterns, `**`.
a = 0
IO.inspect(%{a: a = 1, b: a})
IO.inspect(a)
x = 0
IO.inspect([x = 5, x])
IO.inspect({x = 7, x})
IO.inspect(x)
%{a: p = 1, b: q} = %{a: 1, b: 5}
IO.inspect({p, q})

defmodule G do
  def f(z) when z.a == 1 or true, do: :yes
  def f(_), do: :no
  def g(z) when hd(z) == 1 or is_atom(z), do: :yes
  def g(_), do: :no
  def s(a..b//c), do: {a, b, c}
  def r(first..last), do: {first, last}
end

IO.inspect({G.f(:x), G.f(%{a: 1}), G.g(:x), G.g([1]), G.g([2])})

r =
  for x <- [1, 2, 3]
  do
    x * 2
  end

IO.inspect(r)
v = if true
do
  :then
end
IO.inspect(v)
IO.inspect({G.s(1..10//2), G.s(5..1), G.r(3..1//-1)})
case 1..10//3 do
  1..l//3 -> IO.inspect({:matched, l})
end
IO.inspect({2.0 ** 60, 2 ** -1, 2 ** 64, 4 ** 0.5})
IO.inspect(try do Access.get([a: 1], "a") rescue e -> e end)
IO.inspect(try do [a: 1]["a"] rescue e -> e end)
