ast = quote(do: a + b * (c - 1))

IO.inspect(Macro.prewalk(ast, fn
  {name, meta, ctx} when is_atom(name) and is_atom(ctx) -> {name, meta, ctx} |> then(fn _ -> 0 end)
  other -> other
end) |> Macro.to_string())

{_, vars} =
  Macro.prewalk(ast, [], fn
    {name, _, ctx} = node, acc when is_atom(name) and is_atom(ctx) -> {node, [name | acc]}
    node, acc -> {node, acc}
  end)

IO.inspect(Enum.reverse(vars), label: "prewalk vars")

{_, order} =
  Macro.postwalk(ast, [], fn
    {op, _, [_, _]} = node, acc when op in [:+, :*, :-] -> {node, [op | acc]}
    node, acc -> {node, acc}
  end)

IO.inspect(Enum.reverse(order), label: "postwalk ops")

{_, pre_order} =
  Macro.prewalk(ast, [], fn
    {op, _, [_, _]} = node, acc when op in [:+, :*, :-] -> {node, [op | acc]}
    node, acc -> {node, acc}
  end)

IO.inspect(Enum.reverse(pre_order), label: "prewalk ops")

swapped = Macro.postwalk(ast, fn
  {:+, m, args} -> {:-, m, args}
  {:-, m, args} -> {:+, m, args}
  n -> n
end)
IO.puts(Macro.to_string(swapped))

ints = Macro.postwalk(quote(do: f(1, [2, 3], {4, 5})), fn
  n when is_integer(n) -> n * 10
  n -> n
end)
IO.puts(Macro.to_string(ints))
IO.inspect(Macro.traverse(quote(do: x + 1), 0, fn n, a -> {n, a + 1} end, fn n, a -> {n, a + 100} end) |> elem(1))
