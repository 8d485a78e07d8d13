# `def` with `unquote` fragments in a module body (the compiler keeps the
# definition and passes only the fragments' values when the body runs).
defmodule Frag do
  for {name, v} <- [a: 1, b: [2, 3], c: %{x: 1}] do
    def unquote(name)(), do: unquote(Macro.escape(v))
    def unquote(:"#{name}_twice")(x) when x > unquote(0), do: {x, unquote(name), unquote(Macro.escape(v))}
  end

  args = [Macro.var(:p, nil), Macro.var(:q, nil)]
  def sum(unquote_splicing(args)), do: p + q

  for n <- [:m, :n] do
    defp unquote(n)(x), do: [x | unquote([n])]
    def unquote(:"call_#{n}")(x), do: unquote(n)(x)
  end

  k = 5
  def kk(), do: unquote(k) * unquote(k)
  def tup(), do: {unquote(k), :lit, unquote(k) + 1, [unquote(k) | :t]}
  def quoted(), do: quote(do: unquote(1 + 1) + x)
  def mod_call(), do: unquote(String).upcase("abc")

  def multi(x) do
    y = x * unquote(k)
    case y do
      unquote(25) -> :twenty_five
      _ -> {:other, y, unquote(Macro.escape({1, 2}))}
    end
  end
end

IO.inspect({Frag.a(), Frag.b(), Frag.c(), Frag.a_twice(3), Frag.c_twice(1)})
IO.inspect(Frag.sum(2, 3))
IO.inspect({Frag.call_m(1), Frag.call_n(2)})
IO.inspect({Frag.kk(), Frag.tup()})
IO.inspect(Frag.quoted())
IO.inspect(Frag.mod_call())
IO.inspect({Frag.multi(5), Frag.multi(2)})
IO.inspect(Frag.__info__(:functions))

defmodule FragBad do
  try do
    def unquote(raise "no name")(), do: 1
  rescue
    e -> IO.puts("rescued: " <> Exception.message(e))
  end
end
IO.inspect(FragBad.__info__(:functions))
