# Macro.escape/2: unquote: true (splicing, remote unquote), prune_metadata: true, errors
x = {:x, [], nil}
IO.inspect(Macro.escape({:a, :b}))
IO.inspect(Macro.escape({:a, {1, 2, 3}, [1 | 2], %{k: {:v}}}))
IO.inspect(Macro.escape({:foo, [line: 1, counter: 2, no_parens: true], [{:bar, [counter: 3], nil}]}))
IO.inspect(Macro.escape({:foo, [line: 1, counter: 2, no_parens: true], [{:bar, [counter: 3], nil}]}, prune_metadata: true))
IO.inspect(Macro.escape(&Enum.map/2))
IO.inspect(Macro.escape({:unquote, [], [x]}))
IO.inspect(Macro.escape({:unquote, [], [x]}, unquote: true))
IO.inspect(Macro.escape(quote(unquote: false, do: [1, unquote_splicing(x)]), unquote: true))
IO.inspect(Macro.escape(quote(unquote: false, do: [unquote_splicing(x), 1]), unquote: true))
IO.inspect(Macro.escape(quote(unquote: false, do: foo(1, unquote_splicing(x), 2)), unquote: true))
IO.inspect(Macro.escape(quote(unquote: false, do: [1, unquote_splicing(x) | y]), unquote: true))
IO.inspect(Macro.escape(quote(unquote: false, do: Kernel.unquote(:is_atom)(:ok)), unquote: true))
IO.inspect(Macro.escape(quote(unquote: false, do: quote(do: unquote(x))), unquote: true))

eval = fn quoted ->
  {value, []} = Code.eval_quoted(Macro.escape(quoted, unquote: true))
  IO.inspect(value)
end

eval.(quote(unquote: false, do: [1, 2, unquote_splicing([3, 4, 5])]))
eval.(quote(unquote: false, do: [unquote_splicing([1, 2, 3]), unquote_splicing([4, 5])]))
eval.(quote(unquote: false, do: [1, unquote_splicing([2]), 3, unquote_splicing([4]) | [5]]))
eval.(quote(unquote: false, do: [0, unquote_splicing([1, 2]) | tail]))
eval.(quote(unquote: false, do: Kernel.unquote(:is_atom)(:ok)))
eval.(quote(unquote: false, do: Kernel.unquote(:self)()))
eval.(quote(unquote: false, do: x.unquote(Foo)))
eval.(quote(unquote: false, do: x.unquote(:field)))
eval.(quote(unquote: false, do: x.unquote({:call, [], [1]})))
eval.(%{a: {:unquote, [], [quote(do: 1 + 2)]}})

errors = [
  fn -> Macro.escape(fn -> :local end) end,
  fn -> Macro.escape([1, {2, make_ref()}]) end,
  fn -> Code.eval_quoted(Macro.escape(quote(unquote: false, do: [unquote_splicing(:foo)]), unquote: true)) end,
  fn -> Code.eval_quoted(Macro.escape(quote(unquote: false, do: x.unquote(1)), unquote: true)) end,
  fn -> Macro.escape({1, 2, 3}, prune_metadata: true) end
]

for f <- errors do
  try do
    f.()
  rescue
    e in ArgumentError -> IO.puts(String.replace(e.message, ~r/#(Function|Reference)<[^>]*>/, "#\\1<...>"))
    e in ErlangError -> IO.inspect(e.original)
  end
end
