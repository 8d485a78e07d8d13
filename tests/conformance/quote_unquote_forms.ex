a = 10
list = [1, 2, 3]
IO.inspect(quote(do: unquote(a) + 1))
IO.inspect(quote(do: foo(unquote_splicing(list))))
IO.inspect(quote(do: foo(0, unquote_splicing(list), 4)))
IO.inspect(quote(do: [0, unquote_splicing(list)]))
IO.inspect(quote(do: [unquote_splicing(list) | rest]))
IO.inspect(quote(do: {unquote_splicing(list)}))
IO.inspect(quote(do: %{unquote(:k) => unquote(a)}))
name = :dynamic
IO.inspect(quote(do: unquote(name)(1, 2)))
IO.inspect(quote(do: Mod.unquote(name)(1)))
IO.inspect(quote(do: unquote({:x, [], nil})))
exprs = [quote(do: a = 1), quote(do: b = 2)]
IO.inspect(quote do
  unquote_splicing(exprs)
  a + b
end)
IO.inspect(quote(do: unquote(%{z: 1})))
IO.inspect(quote(do: unquote("bin")))
IO.inspect(quote(do: unquote([a: 1])))
IO.inspect(Macro.to_string(quote(do: unquote(a) * unquote(a))))
inner = quote(do: x + 1)
IO.inspect(quote(do: unquote(inner) * 2))
IO.puts(Macro.to_string(quote(do: unquote(inner) * 2)))
IO.inspect(quote(do: "pre #{unquote(a)} post"))
