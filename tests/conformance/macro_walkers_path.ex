# Macro.prewalker/1, postwalker/1 (enumerables that suspend and halt) and path/2
ast = quote do: :mod.foo(bar({1, 2}), [3, 4, five])

IO.inspect(Enum.map(Macro.prewalker(ast), & &1))
IO.inspect(Enum.map(Macro.postwalker(ast), & &1))
pre = ast |> Macro.prewalk([], &{&1, [&1 | &2]}) |> elem(1) |> Enum.reverse()
post = ast |> Macro.postwalk([], &{&1, [&1 | &2]}) |> elem(1) |> Enum.reverse()
IO.inspect({Enum.to_list(Macro.prewalker(ast)) == pre, Enum.to_list(Macro.postwalker(ast)) == post})

for i <- [0, 1, 4, 12, 13] do
  IO.inspect({i, Enum.take(Macro.prewalker(ast), i), length(Enum.take(Macro.postwalker(ast), i))})
end

IO.inspect(Enum.zip(Macro.prewalker(ast), [:a, :b, :c]))
IO.inspect(Enum.zip(1..4, Macro.postwalker(ast)))
IO.inspect(for node <- Macro.prewalker(quote(do: a + b * c)), is_tuple(node), do: elem(node, 0))
IO.inspect(Enum.count(Macro.postwalker(quote(do: [1, [2, [3]]]))))
IO.inspect(Enum.member?(Macro.prewalker(quote(do: f(g(42)))), 42))
IO.inspect(Enum.find(Macro.prewalker(quote(do: f(g(h(1))))), &match?({:h, _, _}, &1)))

halted =
  Enum.reduce_while(Macro.postwalker(quote(do: f(1, 2, 3))), [], fn
    n, acc when is_integer(n) and n > 1 -> {:halt, [n | acc]}
    n, acc -> {:cont, [n | acc]}
  end)

IO.inspect(halted)
IO.inspect(Enum.to_list(Macro.prewalker(5)))
IO.inspect(Enum.to_list(Macro.postwalker({:a, [b: 1]})))

IO.inspect(Macro.path(quote(do: [1, 2, 3]), &(&1 == 3)))
IO.inspect(Macro.path(quote(do: Foo.bar(3)), &(&1 == 3)))
IO.inspect(Macro.path(quote(do: Foo.bar(3)), &(&1 == :Foo)))
IO.inspect(Macro.path(quote(do: %{foo: [bar: :baz]}), &(&1 == :baz)))
IO.inspect(Macro.path(quote(do: foo(bar(1), baz(1))), &(&1 == 1)))
IO.inspect(Macro.path(quote(do: if(a, do: b, else: c)), &match?({:c, _, _}, &1)))
IO.inspect(Macro.path(quote(do: fn x -> x + 1 end), &(&1 == 1)))
IO.inspect(Macro.path(quote(do: foo(1, 2)), &(&1 == 5)))
IO.inspect(Macro.path(:root, &(&1 == :root)))
