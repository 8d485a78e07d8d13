# :digraph_utils; answers with several right orders are printed sorted.
new = fn edges, vs ->
  g = :digraph.new()
  for v <- vs, do: :digraph.add_vertex(g, v)
  for {a, b} <- edges, do: (:digraph.add_vertex(g, a); :digraph.add_vertex(g, b); :digraph.add_edge(g, a, b))
  g
end
s = fn l -> l |> Enum.map(fn x -> if is_list(x), do: Enum.sort(x), else: x end) |> Enum.sort() end
chain = new.([{:a, :b}, {:b, :c}, {:c, :d}], [])
IO.inspect {:digraph_utils.topsort(chain), :digraph_utils.is_acyclic(chain), :digraph_utils.preorder(chain) |> length, :digraph_utils.postorder(chain) |> length}
IO.inspect {:digraph_utils.is_tree(chain), :digraph_utils.is_arborescence(chain), :digraph_utils.arborescence_root(chain)}
IO.inspect {:digraph_utils.reachable([:b], chain) |> s.(), :digraph_utils.reachable_neighbours([:b], chain) |> s.(), :digraph_utils.reaching([:c], chain) |> s.(), :digraph_utils.reaching_neighbours([:c], chain) |> s.()}
cyc = new.([{1, 2}, {2, 3}, {3, 1}, {3, 4}, {4, 5}, {5, 5}, {6, 7}], [8])
IO.inspect {:digraph_utils.topsort(cyc), :digraph_utils.is_acyclic(cyc), :digraph_utils.loop_vertices(cyc)}
IO.inspect :digraph_utils.strong_components(cyc) |> s.()
IO.inspect :digraph_utils.cyclic_strong_components(cyc) |> s.()
IO.inspect :digraph_utils.components(cyc) |> s.()
IO.inspect {:digraph_utils.reachable([1], cyc) |> s.(), :digraph_utils.reachable_neighbours([4], cyc) |> s.(), :digraph_utils.reaching_neighbours([1], cyc) |> s.(), :digraph_utils.reaching([7, 4], cyc) |> s.()}
IO.inspect {:digraph_utils.is_tree(cyc), :digraph_utils.arborescence_root(cyc), :digraph_utils.preorder(cyc) |> s.(), :digraph_utils.postorder(cyc) |> s.()}
c = :digraph_utils.condensation(cyc)
IO.inspect {:digraph.vertices(c) |> s.(), :digraph.edges(c) |> Enum.map(&(:digraph.edge(c, &1) |> elem(1))) |> s.(), :digraph.no_edges(c)}
tree = new.([{:r, :x}, {:r, :y}, {:x, :z}], [])
IO.inspect {:digraph_utils.arborescence_root(tree), :digraph_utils.is_tree(tree), :digraph_utils.is_arborescence(tree)}
two_roots = new.([{:p, :x}, {:q, :x}], [])
IO.inspect {:digraph_utils.arborescence_root(two_roots), :digraph_utils.is_tree(two_roots), :digraph_utils.topsort(two_roots) |> List.last()}
g = :digraph.new()
:digraph.add_vertex(g, :a, "la"); :digraph.add_vertex(g, :b, "lb"); :digraph.add_vertex(g, :c)
:digraph.add_edge(g, :e1, :a, :b, "ab"); :digraph.add_edge(g, :e2, :b, :c, "bc")
sg = :digraph_utils.subgraph(g, [:a, :b, :zz])
IO.inspect {:digraph.vertices(sg) |> s.(), Enum.map(:digraph.vertices(sg), &:digraph.vertex(sg, &1)) |> s.(), :digraph.edges(sg), :digraph.edge(sg, :e1)}
sg = :digraph_utils.subgraph(g, [:a, :b, :c], keep_labels: true, type: [:acyclic])
IO.inspect {:digraph.vertex(sg, :a), :digraph.edge(sg, :e2), :digraph.info(sg)[:cyclicity]}
IO.inspect(try do :digraph_utils.subgraph(g, [:a], foo: 1) rescue e -> e end)
IO.inspect {:digraph_utils.topsort(new.([], [])), :digraph_utils.components(new.([], [])), :digraph_utils.is_tree(new.([], [])), :digraph_utils.arborescence_root(new.([], [:solo]))}
sg = :digraph_utils.subgraph(g, [:a, :b, :c], keep_labels: false)
IO.inspect {:digraph.vertex(sg, :a), :digraph.edge(sg, :e2)}
