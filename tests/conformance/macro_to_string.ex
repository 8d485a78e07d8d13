exprs = [
  quote(do: 1 + 2),
  quote(do: foo(a, b)),
  quote(do: Mod.fun(1, :x)),
  quote(do: [1, 2 | t]),
  quote(do: {a, b, c}),
  quote(do: %{a: 1, b: 2}),
  quote(do: %{"k" => 1}),
  quote(do: fn x, y -> x + y end),
  quote(do: &Enum.map/2),
  quote(do: &(&1 * 2)),
  quote(do: x |> f() |> g(1)),
  quote(do: (a + b) * c),
  quote(do: a + (b * c)),
  quote(do: not x),
  quote(do: -x),
  quote(do: "hello #{name}!"),
  quote(do: :"quoted atom"),
  quote(do: [a: 1, b: [c: 2]]),
  quote(do: @attr),
  quote(do: x.y),
  quote(do: f.(1)),
  quote(do: a..b),
  quote(do: if(a, do: b, else: c)),
  quote(do: <<1, x::binary>>),
  quote(do: %URI{host: "h"}),
  quote(do: ^x = y)
]

Enum.each(exprs, fn e -> IO.puts(Macro.to_string(e)) end)

IO.puts(Macro.to_string(quote do
  def f(x) when x > 0 do
    x - 1
  end
end))
IO.puts(Macro.to_string(quote do
  case x do
    1 -> :a
    _ -> :b
  end
end))
