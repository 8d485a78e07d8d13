# Erlang/OTP 25's `:digraph` (mutable directed graphs), written in the
# language over three ETS tables, as OTP keeps them: a graph is the term
# `{:digraph, vertices, edges, neighbours, cyclic?}` where `vertices` is a
# set of `{vertex, label}`, `edges` a set of `{edge, v1, v2, label}`, and
# `neighbours` a bag of `{{:out, v}, edge}` / `{{:in, v}, edge}` plus the
# counters `{:"$vid", n}` / `{:"$eid", n}` that name new vertices
# `[:"$v" | n]` and edges `[:"$e" | n]`.
#
# Observable orders follow OTP: `out_edges`/`in_edges` list edges in the
# order they were added, `out_neighbours`/`in_neighbours` the reverse.
# `get_path` is a depth-first search over `out_neighbours` (a vertex is
# visited once), `get_short_path` a breadth-first one over the edges in the
# order they were added. A term that is not a graph is the error
# `{:badrecord, term}`, as OTP's record access raises. An acyclic graph
# refuses an edge that would close a cycle with `{:error, {:bad_edge, path}}`.
defmodule :digraph do
  @moduledoc false

  @doc "A new cyclic, protected graph."
  def new, do: new([])

  @doc "A new graph of `type`: a list of `:cyclic`, `:acyclic`, `:protected`, `:private`."
  def new(type) do
    {cyclic, access} = parse_type(type, true, :protected)

    v = :ets.new(:vertices, [:set, access])
    e = :ets.new(:edges, [:set, access])
    n = :ets.new(:neighbours, [:bag, access])
    :ets.insert(n, [{:"$vid", 0}, {:"$eid", 0}])
    {:digraph, v, e, n, cyclic}
  end

  defp parse_type([], cyclic, access), do: {cyclic, access}
  defp parse_type([:cyclic | t], _, access), do: parse_type(t, true, access)
  defp parse_type([:acyclic | t], _, access), do: parse_type(t, false, access)
  defp parse_type([:protected | t], cyclic, _), do: parse_type(t, cyclic, :protected)
  defp parse_type([:private | t], cyclic, _), do: parse_type(t, cyclic, :private)
  defp parse_type(_, _, _), do: :erlang.error(:badarg)

  @doc "Deletes the graph (its tables); `true`."
  def delete({:digraph, v, e, n, _}) do
    :ets.delete(v)
    :ets.delete(e)
    :ets.delete(n)
    true
  end

  def delete(g), do: badrecord(g)

  # OTP reads the graph as a record: anything else is `{:badrecord, term}`.
  defp badrecord(g), do: :erlang.error({:badrecord, g})

  @doc "`[cyclicity: ..., memory: words, protection: ...]`."
  def info({:digraph, v, e, n, cyclic}) do
    cyclicity = if cyclic, do: :cyclic, else: :acyclic
    protection = :ets.info(v, :protection)
    memory = :ets.info(v, :memory) + :ets.info(e, :memory) + :ets.info(n, :memory)
    [cyclicity: cyclicity, memory: memory, protection: protection]
  end

  def info(g), do: badrecord(g)

  @doc "Adds a new vertex `[:\"$v\" | n]` with label `[]`; returns it."
  def add_vertex({:digraph, v, _, n, _}) do
    id = [:"$v" | next_id(n, :"$vid")]
    :ets.insert(v, {id, []})
    id
  end

  def add_vertex(g), do: badrecord(g)

  @doc "Adds (or relabels to `[]`) vertex `vertex`; returns it."
  def add_vertex(g, vertex), do: add_vertex(g, vertex, [])

  @doc "Adds (or relabels) vertex `vertex` with `label`; returns it."
  def add_vertex({:digraph, v, _, _, _}, vertex, label) do
    :ets.insert(v, {vertex, label})
    vertex
  end

  def add_vertex(g, _vertex, _label), do: badrecord(g)

  defp next_id(n, key) do
    [{^key, k}] = :ets.lookup(n, key)
    :ets.delete(n, key)
    :ets.insert(n, {key, k + 1})
    k
  end

  @doc "Deletes `vertex` and every edge to or from it; `true`."
  def del_vertex({:digraph, v, _, n, _} = g, vertex) do
    del_edges(g, out_edges(g, vertex) ++ in_edges(g, vertex))
    :ets.delete(v, vertex)
    :ets.delete(n, {:in, vertex})
    :ets.delete(n, {:out, vertex})
    true
  end

  def del_vertex(g, _vertex), do: badrecord(g)

  @doc "Deletes every vertex of `vertices`; `true`."
  def del_vertices(g, vertices), do: do_del_vertices(vertices, g)

  defp do_del_vertices([], _g), do: true
  defp do_del_vertices([v | vs], g), do: del_vertex(g, v) && do_del_vertices(vs, g)

  @doc "`{vertex, label}`, or `false` when there is no such vertex."
  def vertex({:digraph, v, _, _, _}, vertex) do
    case :ets.lookup(v, vertex) do
      [found] -> found
      [] -> false
    end
  end

  def vertex(g, _vertex), do: badrecord(g)

  @doc "The number of vertices."
  def no_vertices({:digraph, v, _, _, _}), do: :ets.info(v, :size)
  def no_vertices(g), do: badrecord(g)

  @doc "All vertices."
  def vertices({:digraph, v, _, _, _}), do: :ets.select(v, [{{:"$1", :_}, [], [:"$1"]}])
  def vertices(g), do: badrecord(g)

  @doc "The vertices no edge goes into."
  def source_vertices(g), do: Enum.filter(vertices(g), &(in_degree(g, &1) == 0))

  @doc "The vertices no edge leaves."
  def sink_vertices(g), do: Enum.filter(vertices(g), &(out_degree(g, &1) == 0))

  @doc "How many edges go into `vertex`."
  def in_degree({:digraph, _, _, n, _}, vertex), do: length(:ets.lookup(n, {:in, vertex}))
  def in_degree(g, _vertex), do: badrecord(g)

  @doc "How many edges leave `vertex`."
  def out_degree({:digraph, _, _, n, _}, vertex), do: length(:ets.lookup(n, {:out, vertex}))
  def out_degree(g, _vertex), do: badrecord(g)

  @doc "The vertices with an edge into `vertex`, latest edge first."
  def in_neighbours({:digraph, _, e, _, _} = g, vertex),
    do: in_edges(g, vertex) |> Enum.reduce([], &[:ets.lookup_element(e, &1, 2) | &2])

  def in_neighbours(g, _vertex), do: badrecord(g)

  @doc "The vertices an edge from `vertex` goes to, latest edge first."
  def out_neighbours({:digraph, _, e, _, _} = g, vertex),
    do: out_edges(g, vertex) |> Enum.reduce([], &[:ets.lookup_element(e, &1, 3) | &2])

  def out_neighbours(g, _vertex), do: badrecord(g)

  @doc "The edges into `vertex`, in the order they were added."
  def in_edges({:digraph, _, _, n, _}, vertex),
    do: for({_, edge} <- :ets.lookup(n, {:in, vertex}), do: edge)

  def in_edges(g, _vertex), do: badrecord(g)

  @doc "The edges leaving `vertex`, in the order they were added."
  def out_edges({:digraph, _, _, n, _}, vertex),
    do: for({_, edge} <- :ets.lookup(n, {:out, vertex}), do: edge)

  def out_edges(g, _vertex), do: badrecord(g)

  @doc "Adds a new edge `[:\"$e\" | n]` from `v1` to `v2` with label `[]`."
  def add_edge(g, v1, v2), do: do_add_edge(g, nil, v1, v2, [])

  @doc "Adds a new edge `[:\"$e\" | n]` from `v1` to `v2` with `label`."
  def add_edge(g, v1, v2, label), do: do_add_edge(g, nil, v1, v2, label)

  @doc "Adds (or relabels) edge `edge` from `v1` to `v2` with `label`."
  def add_edge(g, edge, v1, v2, label), do: do_add_edge(g, {:id, edge}, v1, v2, label)

  defp do_add_edge({:digraph, v, e, n, cyclic} = g, id, v1, v2, label) do
    cond do
      not :ets.member(v, v1) ->
        {:error, {:bad_vertex, v1}}

      not :ets.member(v, v2) ->
        {:error, {:bad_vertex, v2}}

      true ->
        existing =
          case id do
            {:id, edge} -> :ets.lookup(e, edge)
            nil -> []
          end

        case existing do
          [{edge, ^v1, ^v2, _}] ->
            :ets.insert(e, {edge, v1, v2, label})
            edge

          [_] ->
            {:error, {:bad_edge, [v1, v2]}}

          [] ->
            case cycle_check(g, cyclic, v1, v2) do
              :ok ->
                edge =
                  case id do
                    {:id, edge} -> edge
                    nil -> [:"$e" | next_id(n, :"$eid")]
                  end

                :ets.insert(e, {edge, v1, v2, label})
                :ets.insert(n, [{{:out, v1}, edge}, {{:in, v2}, edge}])
                edge

              err ->
                err
            end
        end
    end
  end

  defp do_add_edge(g, _id, _v1, _v2, _label), do: badrecord(g)

  defp cycle_check(_g, true, _v1, _v2), do: :ok
  defp cycle_check(_g, false, v, v), do: {:error, {:bad_edge, [v, v]}}

  defp cycle_check(g, false, v1, v2) do
    case get_path(g, v2, v1) do
      false -> :ok
      path -> {:error, {:bad_edge, path}}
    end
  end

  @doc "Deletes edge `edge`; `true`."
  def del_edge({:digraph, _, e, n, _}, edge) do
    case :ets.lookup(e, edge) do
      [{^edge, v1, v2, _}] ->
        :ets.delete_object(n, {{:out, v1}, edge})
        :ets.delete_object(n, {{:in, v2}, edge})
        :ets.delete(e, edge)

      [] ->
        :ok
    end

    true
  end

  def del_edge(g, _edge), do: badrecord(g)

  @doc "Deletes every edge of `edges`; `true`."
  def del_edges(g, edges), do: do_del_edges(edges, g)

  defp do_del_edges([], _g), do: true
  defp do_del_edges([e | es], g), do: del_edge(g, e) && do_del_edges(es, g)

  @doc "The number of edges."
  def no_edges({:digraph, _, e, _, _}), do: :ets.info(e, :size)
  def no_edges(g), do: badrecord(g)

  @doc "All edges."
  def edges({:digraph, _, e, _, _}), do: :ets.select(e, [{{:"$1", :_, :_, :_}, [], [:"$1"]}])
  def edges(g), do: badrecord(g)

  @doc "The edges going into `vertex` then those leaving it."
  def edges(g, vertex), do: in_edges(g, vertex) ++ out_edges(g, vertex)

  @doc "`{edge, v1, v2, label}`, or `false` when there is no such edge."
  def edge({:digraph, _, e, _, _}, edge) do
    case :ets.lookup(e, edge) do
      [found] -> found
      [] -> false
    end
  end

  def edge(g, _edge), do: badrecord(g)

  @doc "Deletes the edges of paths from `v1` to `v2` until there is none; `true`."
  def del_path(g, v1, v2) do
    case get_path(g, v1, v2) do
      false ->
        true

      path ->
        del_path_edges(g, path)
        del_path(g, v1, v2)
    end
  end

  defp del_path_edges(g, [a, b | rest]) do
    edge = Enum.find(out_edges(g, a), fn ed -> elem(edge(g, ed), 2) == b end)
    del_edge(g, edge)
    del_path_edges(g, [b | rest])
  end

  defp del_path_edges(_g, _), do: :ok

  @doc "A simple cycle `[v, ..., v]` through `vertex`, `[vertex]` for a lone loop, or `false`."
  def get_cycle(g, vertex) do
    case dfs(g, out_neighbours(g, vertex), vertex, [vertex], MapSet.new([vertex]), 2) do
      {:found, path, _} ->
        path

      {:none, _} ->
        if Enum.any?(out_neighbours(g, vertex), &(&1 === vertex)), do: [vertex], else: false
    end
  end

  @doc "A simple path (of at least one edge) from `v1` to `v2`, or `false`."
  def get_path(g, v1, v2) do
    case dfs(g, out_neighbours(g, v1), v2, [v1], MapSet.new([v1]), 1) do
      {:found, path, _} -> path
      {:none, _} -> false
    end
  end

  # Depth-first: `rev` is the path so far (reversed), `seen` the vertices
  # visited anywhere in the search, `min` the fewest edges a found path has.
  defp dfs(_g, [], _target, _rev, seen, _min), do: {:none, seen}

  defp dfs(g, [w | ws], target, rev, seen, min) do
    cond do
      w === target and length(rev) >= min ->
        {:found, Enum.reverse([w | rev]), seen}

      MapSet.member?(seen, w) ->
        dfs(g, ws, target, rev, seen, min)

      true ->
        case dfs(g, out_neighbours(g, w), target, [w | rev], MapSet.put(seen, w), min) do
          {:found, _, _} = found -> found
          {:none, seen} -> dfs(g, ws, target, rev, seen, min)
        end
    end
  end

  @doc "A shortest cycle `[vertex, ..., vertex]` through `vertex`, or `false`."
  def get_short_cycle(g, vertex), do: get_short_path(g, vertex, vertex)

  @doc "A shortest path from `v1` to `v2` (of at least one edge), or `false`."
  def get_short_path(g, v1, v2) do
    bfs(g, :queue.in(v1, :queue.new()), v2, %{v1 => :root})
  end

  defp bfs(g, queue, target, parents) do
    case :queue.out(queue) do
      {:empty, _} ->
        false

      {{:value, u}, queue} ->
        case visit(g, successors(g, u), u, target, queue, parents) do
          {:found, path} -> path
          {queue, parents} -> bfs(g, queue, target, parents)
        end
    end
  end

  # The breadth-first search takes a vertex's edges in the order they were added.
  defp successors({:digraph, _, e, _, _} = g, u),
    do: for(edge <- out_edges(g, u), do: :ets.lookup_element(e, edge, 3))

  defp visit(_g, [], _u, _target, queue, parents), do: {queue, parents}

  defp visit(g, [w | ws], u, target, queue, parents) do
    cond do
      w === target ->
        {:found, back(parents, u, [w])}

      Map.has_key?(parents, w) ->
        visit(g, ws, u, target, queue, parents)

      true ->
        visit(g, ws, u, target, :queue.in(w, queue), Map.put(parents, w, {u}))
    end
  end

  defp back(parents, v, acc) do
    case Map.fetch!(parents, v) do
      :root -> [v | acc]
      {p} -> back(parents, p, [v | acc])
    end
  end
end
