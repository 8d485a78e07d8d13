# Erlang/OTP 25's `:digraph_utils`: algorithms over `:digraph` graphs
# (stdlib/digraph.ex), written in the language: traversal orders,
# components, reachability, topological sorting, trees, subgraphs and the
# condensation.
#
# Traversals start from the vertices in the order `:digraph.vertices/1`
# gives them and follow `out_neighbours` (or `in_neighbours`) in their
# order. A traversal of several roots keeps a stack: a vertex's neighbours
# are pushed in front of those still waiting, and each vertex is visited
# once. A component is listed with its vertices in the reverse of the order
# they were visited, and components come last-found first, as OTP lists
# them. Where several answers are right (a topological order), which one
# comes out depends on the vertex order, and beamlet's ETS tables do not
# keep the BEAM's hash order, so such answers may differ from OTP's.
defmodule :digraph_utils do
  @moduledoc false

  ## Orders

  @doc "The vertices in depth-first preorder."
  def preorder(g), do: :lists.reverse(revpreorder(g))

  @doc "The vertices in depth-first postorder."
  def postorder(g), do: :lists.reverse(revpostorder(g))

  defp revpreorder(g), do: :lists.append(forest(g, &out_step/3))

  defp revpostorder(g) do
    {acc, _seen} =
      Enum.reduce(:digraph.vertices(g), {[], MapSet.new()}, fn v, {acc, seen} ->
        if MapSet.member?(seen, v), do: {acc, seen}, else: post_visit(g, v, acc, MapSet.put(seen, v))
      end)

    acc
  end

  # Depth-first from `v`: its unvisited out-neighbours, then `v` itself,
  # pushed on `acc` (so `acc` ends as the reversed postorder).
  defp post_visit(g, v, acc, seen) do
    {acc, seen} =
      Enum.reduce(:digraph.out_neighbours(g, v), {acc, seen}, fn w, {acc, seen} ->
        if MapSet.member?(seen, w), do: {acc, seen}, else: post_visit(g, w, acc, MapSet.put(seen, w))
      end)

    {[v | acc], seen}
  end

  ## Components

  @doc "The weakly connected components: lists of vertices."
  def components(g), do: forest(g, &inout_step/3)

  @doc "The strongly connected components: lists of vertices."
  def strong_components(g), do: forest(g, &in_step/3, revpostorder(g))

  @doc "The strongly connected components that hold a cycle (a loop counts)."
  def cyclic_strong_components(g) do
    g |> strong_components() |> Enum.filter(&cyclic_component?(g, &1))
  end

  defp cyclic_component?(g, [v]), do: loop_vertex?(g, v)
  defp cyclic_component?(_g, _component), do: true

  @doc "The vertices with a loop (an edge to themselves)."
  def loop_vertices(g), do: Enum.filter(:digraph.vertices(g), &loop_vertex?(g, &1))

  defp loop_vertex?(g, v), do: Enum.member?(:digraph.out_neighbours(g, v), v)

  ## Reachability

  @doc "The vertices reachable from `vertices` (which are included)."
  def reachable(vertices, g) when is_list(vertices), do: :lists.append(forest(g, &out_step/3, vertices, :first))

  @doc "The vertices reachable from `vertices` over at least one edge."
  def reachable_neighbours(vertices, g) when is_list(vertices),
    do: :lists.append(forest(g, &out_step/3, vertices, :not_first))

  @doc "The vertices from which `vertices` can be reached (which are included)."
  def reaching(vertices, g) when is_list(vertices), do: :lists.append(forest(g, &in_step/3, vertices, :first))

  @doc "The vertices from which `vertices` can be reached over at least one edge."
  def reaching_neighbours(vertices, g) when is_list(vertices),
    do: :lists.append(forest(g, &in_step/3, vertices, :not_first))

  ## Acyclic graphs and trees

  @doc "The vertices in a topological order, or `false` when the graph has a cycle."
  def topsort(g) do
    order = revpostorder(g)
    if length(forest(g, &in_step/3, order)) == length(:digraph.vertices(g)), do: order, else: false
  end

  @doc "Whether the graph has no cycle (loops included)."
  def is_acyclic(g), do: loop_vertices(g) == [] and topsort(g) != false

  @doc "`{:yes, root}` when the graph is an arborescence (a tree directed away from `root`), else `:no`."
  def arborescence_root(g) do
    vertices = :digraph.vertices(g)

    if :digraph.no_edges(g) == length(vertices) - 1 do
      roots =
        Enum.reduce_while(vertices, [], fn v, roots ->
          case :digraph.in_degree(g, v) do
            1 -> {:cont, roots}
            0 when roots == [] -> {:cont, [v]}
            _ -> {:halt, :no}
          end
        end)

      case roots do
        [root] -> {:yes, root}
        _ -> :no
      end
    else
      :no
    end
  end

  @doc "Whether the graph is an arborescence."
  def is_arborescence(g), do: arborescence_root(g) != :no

  @doc "Whether the graph is a tree (connected, one edge fewer than vertices, directions ignored)."
  def is_tree(g) do
    :digraph.no_edges(g) == :digraph.no_vertices(g) - 1 and length(components(g)) == 1
  end

  ## New graphs

  @doc "The subgraph of the vertices `vertices` (those in the graph) and the edges between them."
  def subgraph(g, vertices), do: subgraph(g, vertices, [])

  @doc """
  Same as `subgraph/2`; `opts`: `{:type, :inherit | type}` (the new graph's
  type, `:inherit` by default) and `{:keep_labels, boolean}` (true by default).
  """
  def subgraph(g, vertices, opts) do
    try do
      do_subgraph(g, vertices, opts)
    catch
      :throw, :badarg -> :erlang.error(:badarg)
    end
  end

  defp do_subgraph(g, vertices, opts) do
    if not is_list(vertices), do: throw(:badarg)
    if not is_list(opts), do: throw(:badarg)

    {type, keep?} =
      Enum.reduce(opts, {:inherit, true}, fn
        {:type, t}, {_, keep?} when t == :inherit or is_list(t) -> {t, keep?}
        {:keep_labels, k}, {t, _} when is_boolean(k) -> {t, k}
        _, _ -> throw(:badarg)
      end)

    type = if type == :inherit, do: graph_type(g), else: type
    sg = :digraph.new(type)

    for v <- vertices do
      case :digraph.vertex(g, v) do
        {^v, label} -> :digraph.add_vertex(sg, v, if(keep?, do: label, else: []))
        false -> :ok
      end
    end

    for v <- :digraph.vertices(sg), e <- :digraph.out_edges(g, v) do
      {^e, ^v, w, label} = :digraph.edge(g, e)

      if :digraph.vertex(sg, w) != false do
        :digraph.add_edge(sg, e, v, w, if(keep?, do: label, else: []))
      end
    end

    sg
  end

  defp graph_type(g) do
    info = :digraph.info(g)
    [Keyword.fetch!(info, :cyclicity), Keyword.fetch!(info, :protection)]
  end

  @doc "The condensation: a new graph whose vertices are the strong components, with an edge between two components when the graph has one between their vertices."
  def condensation(g) do
    components = strong_components(g)
    index = for c <- components, v <- c, into: %{}, do: {v, c}
    cg = :digraph.new()
    for c <- components, do: :digraph.add_vertex(cg, c)

    for c <- components, v <- c, w <- :digraph.out_neighbours(g, v) do
      cw = Map.fetch!(index, w)

      if cw != c and not Enum.member?(:digraph.out_neighbours(cg, c), cw) do
        :digraph.add_edge(cg, c, cw)
      end
    end

    cg
  end

  ## Traversal

  # The trees of a traversal from each of `roots` not yet visited, where
  # `step.(g, v, stack)` pushes the vertices to visit after `v`. With
  # `:not_first`, a root itself is not visited (only what it leads to).
  defp forest(g, step), do: forest(g, step, :digraph.vertices(g))
  defp forest(g, step, roots), do: forest(g, step, roots, :first)

  defp forest(g, step, roots, handle_first) do
    {trees, _seen} =
      Enum.reduce(roots, {[], MapSet.new()}, fn v, {trees, seen} ->
        case handle_first do
          :first ->
            traverse(g, step, [v], seen, [], trees)

          :not_first ->
            if MapSet.member?(seen, v), do: {trees, seen}, else: traverse(g, step, step.(g, v, []), seen, [], trees)
        end
      end)

    trees
  end

  defp traverse(g, step, [v | stack], seen, tree, trees) do
    if MapSet.member?(seen, v),
      do: traverse(g, step, stack, seen, tree, trees),
      else: traverse(g, step, step.(g, v, stack), MapSet.put(seen, v), [v | tree], trees)
  end

  defp traverse(_g, _step, [], seen, [], trees), do: {trees, seen}
  defp traverse(_g, _step, [], seen, tree, trees), do: {[tree | trees], seen}

  defp out_step(g, v, stack), do: :digraph.out_neighbours(g, v) ++ stack
  defp in_step(g, v, stack), do: :digraph.in_neighbours(g, v) ++ stack
  defp inout_step(g, v, stack), do: :digraph.in_neighbours(g, v) ++ :digraph.out_neighbours(g, v) ++ stack
end
