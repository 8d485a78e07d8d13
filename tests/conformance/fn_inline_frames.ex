# A literal fn applied where it is made (`then/2`, `(fn ... end).(x)`) runs
# in place, as the BEAM's compiler inlines it: an error in it names the
# enclosing function and its line, not an anonymous fn; scoping is kept.
defmodule Inline do
  def via_then do
    {:ok, 1}
    |> then(fn r ->
      raise "bad #{inspect(r)}"
    end)
  end

  def direct(x) do
    (fn y -> y + :atom end).(x)
  end

  def scoping do
    x = 1
    y = then(10, fn x -> x * 2 end)
    z = (fn a, _b -> a + x end).(5, :ignored)
    {x, y, z}
  end

  def not_inlined do
    f = fn
      0 -> :zero
      n when n > 0 -> :pos
    end

    {f.(0), f.(3), then(7, &(&1 + 1)), then(2, fn a -> fn b -> a * b end end).(21)}
  end
end

for f <- [:via_then, :scoping, :not_inlined] do
  try do
    IO.inspect(apply(Inline, f, []))
  rescue
    e ->
      [{m, name, arity, loc} | _] = __STACKTRACE__
      IO.inspect({Exception.message(e), m, name, arity, loc[:line]})
  end
end

try do
  Inline.direct(1)
rescue
  e ->
    [_, {m, name, arity, loc} | _] = __STACKTRACE__
    IO.inspect({e.__struct__, m, name, arity, loc[:line]})
end
