# OTP 25's :digraph: vertices, edges, labels, neighbour orders, paths and cycles,
# acyclic graphs refusing cycles, and its errors (vertex sets print sorted: hash order).
g = :digraph.new()
IO.inspect {elem(g, 0), tuple_size(g), elem(g, 4)}
IO.inspect [:digraph.add_vertex(g), :digraph.add_vertex(g, :a, "A"), :digraph.add_vertex(g, :b)]
for v <- [:s, :c, :d, :t], do: :digraph.add_vertex(g, v)
for {x, y} <- [s: :a, s: :b, a: :c, b: :c, a: :d, c: :t, d: :t, b: :t, t: :s], do: :digraph.add_edge(g, x, y)
IO.inspect :digraph.add_edge(g, :myedge, :c, :a, :lbl)
IO.inspect [:digraph.add_edge(g, :a, :zz), :digraph.add_edge(g, :zz, :nope)]
IO.inspect :digraph.vertices(g) |> Enum.sort()
IO.inspect {:digraph.vertex(g, :a), :digraph.vertex(g, :b), :digraph.vertex(g, :zz)}
IO.inspect {:digraph.edge(g, :myedge), :digraph.edge(g, [:"$e" | 0]), :digraph.edge(g, :no)}
IO.inspect for v <- [:s, :a, :b, :c, :t], do: {v, :digraph.out_neighbours(g, v), :digraph.in_neighbours(g, v)}
IO.inspect {:digraph.out_edges(g, :a), :digraph.in_edges(g, :c), :digraph.edges(g, :b)}
IO.inspect {:digraph.out_degree(g, :s), :digraph.in_degree(g, :t), :digraph.in_degree(g, :zz)}
IO.inspect {:digraph.no_vertices(g), :digraph.no_edges(g)}
IO.inspect {:digraph.source_vertices(g), :digraph.sink_vertices(g)}
IO.inspect [:digraph.get_path(g, :s, :t), :digraph.get_path(g, :t, :c), :digraph.get_path(g, :s, :s)]
IO.inspect [:digraph.get_short_path(g, :s, :t), :digraph.get_short_path(g, :a, :b), :digraph.get_short_path(g, :s, :zz)]
IO.inspect [:digraph.get_cycle(g, :c), :digraph.get_short_cycle(g, :c), :digraph.get_cycle(g, :a)]
IO.inspect {:digraph.info(g)[:cyclicity], :digraph.info(g)[:protection]}
IO.inspect [:digraph.del_edge(g, :myedge), :digraph.del_vertex(g, :t), :digraph.del_vertex(g, :nope)]
IO.inspect {:digraph.sink_vertices(g) |> Enum.sort(), :digraph.no_edges(g), :digraph.get_cycle(g, :s)}
IO.inspect {:digraph.del_vertices(g, [:c, :d]), :digraph.vertices(g) |> Enum.sort()}
d = :digraph.new()
for v <- 1..4, do: :digraph.add_vertex(d, v)
for {x, y} <- [{1, 2}, {2, 3}, {3, 4}, {1, 3}, {4, 1}], do: :digraph.add_edge(d, x, y)
IO.inspect {:digraph.get_short_path(d, 1, 4), :digraph.get_cycle(d, 2)}
IO.inspect {:digraph.del_path(d, 1, 4), length(:digraph.edges(d)), :digraph.add_edge(d, 1, 1)}
IO.inspect {:digraph.get_short_cycle(d, 1), :digraph.get_cycle(d, 1), :digraph.get_path(d, 1, 1)}
IO.inspect {:digraph.del_edges(d, :digraph.edges(d)), :digraph.no_edges(d), :digraph.delete(d)}
a = :digraph.new([:acyclic, :private])
for v <- 1..3, do: :digraph.add_vertex(a, v)
IO.inspect [:digraph.add_edge(a, :e1, 1, 2, :x), :digraph.add_edge(a, :e1, 2, 1, :y), :digraph.add_edge(a, :e1, 1, 3, :y)]
IO.inspect [:digraph.add_edge(a, :e1, 1, 2, :z), :digraph.edge(a, :e1)]
IO.inspect [:digraph.add_edge(a, 2, 3), :digraph.add_edge(a, 3, 1), :digraph.add_edge(a, 2, 2)]
IO.inspect {:digraph.info(a)[:cyclicity], :digraph.info(a)[:protection]}
b = :digraph.new([:protected, :cyclic])
IO.inspect [:digraph.add_vertex(b, 1.0), :digraph.add_vertex(b, 1), :digraph.add_vertex(b, 1, :relabel)]
IO.inspect [:digraph.vertex(b, 1), :digraph.no_vertices(b), :digraph.add_edge(b, 1, 1.0)]
IO.inspect [:digraph.get_path(b, 1, 1.0), :digraph.get_path(b, 1.0, 1), :digraph.add_edge(b, 1.0, 1.0)]
IO.inspect [:digraph.get_cycle(b, 1.0), :digraph.get_short_cycle(b, 1.0), :digraph.get_short_cycle(b, 1)]
for f <- [fn -> :digraph.new(:cyclic) end, fn -> :digraph.new([:bogus]) end, fn -> :digraph.vertices(:foo) end,
          fn -> :digraph.add_edge(:foo, 1, 2) end, fn -> :digraph.get_path(:foo, 1, 2) end,
          fn -> :digraph.del_vertices(b, :x) end, fn -> :digraph.del_edges(b, :x) end] do
  try do
    f.()
  rescue
    e -> IO.inspect(e)
  end
end
