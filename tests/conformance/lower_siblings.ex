# Variables bound in one element of a call, tuple or list (its tail too):
# the elements after it still see the scope from before; all bindings hold
# after it. Escaped data (Macro.escape) as one literal, in code and patterns.
defmodule Sib do
  defmacro data(v), do: Macro.escape(v)
  defmacro three, do: Macro.escape({:a, {:b, :c, [1, 2.5, "s"]}, %{}})
  def pair(a, b), do: {a, b}
  def tri(a, b, c), do: [a, b, c]
end

defmodule UseSib do
  require Sib

  def esc_match(x) do
    case x do
      {1, 2, 3} -> :tuple3
      {:ok, {:nested, :tuple, [1, {2, 3, 4}]}} -> :nested
      _ -> :other
    end
  end

  def run do
    IO.inspect(Sib.data({1, 2, {3, 4, 5}}))
    IO.inspect(Sib.data([{:x, :y, :z}, {1, [2, {3, 4, 5, 6}]}]))
    IO.inspect(Sib.three())
    IO.inspect(esc_match({1, 2, 3}))
    IO.inspect(esc_match({:ok, {:nested, :tuple, [1, {2, 3, 4}]}}))
    IO.inspect(esc_match({1, 2}))
    v = 3
    IO.inspect({Sib.data({:t, :u, :v}), {v, v, v}, {v = 4, v, v}})
    IO.inspect(v)
  end
end

x = 0
t = {x = 1, x}
IO.inspect(t)
IO.inspect(x)
y = 10
IO.inspect(Sib.pair(y = y + 1, y))
IO.inspect(y)
a = 0
IO.inspect([a = 1, b = a + 1 | [a]])
IO.inspect({a, b})
c = 0
IO.inspect([c | c = [5]])
IO.inspect(c)
z = 5
IO.inspect(Sib.tri(z, z + 1, z = 7))
IO.inspect(z)
w = 1
IO.inspect(Sib.tri(w, if(w > 0, do: :pos, else: :neg), w * 2))
IO.inspect(Sib.pair(case w do 1 -> q = :one; q end, w))
IO.inspect(Sib.tri(fn v -> v + w end.(1), w, [w | [w]]))
m = 0
IO.inspect(%{k: (m = 2), l: m + 0})
IO.inspect(m)
UseSib.run()
IO.inspect(quote(do: {1, 2, 3}))
IO.inspect(Macro.escape({:a, :b, :c}) |> Code.eval_quoted() |> elem(0))
