data = {:user, %{name: "Ada", roles: [:admin, :dev]}, [{:login, 3}, {:logout, 1}]}
{:user, %{name: name, roles: [first_role | _]}, [{event, count} | _]} = data
IO.inspect({name, first_role, event, count})

tree = {:node, {:node, {:leaf, 1}, {:leaf, 2}}, {:leaf, 3}}

defmodule Tree do
  def sum({:leaf, v}), do: v
  def sum({:node, l, r}), do: sum(l) + sum(r)
  def depth({:leaf, _}), do: 1
  def depth({:node, l, r}), do: 1 + max(depth(l), depth(r))
  def leaves({:leaf, v}), do: [v]
  def leaves({:node, l, r}), do: leaves(l) ++ leaves(r)
end

IO.inspect(Tree.sum(tree))
IO.inspect(Tree.depth(tree))
IO.inspect(Tree.leaves(tree))

[{:a, [x, y]}, {:b, %{z: z}}] = [{:a, [1, 2]}, {:b, %{z: 3}}]
IO.inspect(x + y + z)

{[_ | [second | _]], {_, {deep}}} = {[1, 2, 3], {:skip, {:found}}}
IO.inspect({second, deep})

events = [{:click, {10, 20}}, {:key, "a"}, {:click, {0, 0}}, {:scroll, -3}]
Enum.each(events, fn
  {:click, {0, 0}} -> IO.puts("click at origin")
  {:click, {cx, cy}} -> IO.puts("click at #{cx},#{cy}")
  {:key, k} -> IO.puts("key #{k}")
  {other, _} -> IO.puts("other #{other}")
end)
