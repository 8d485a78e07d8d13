defmodule Registry.MatchSpec do
  @moduledoc false
  # ETS match specifications over terms, for Registry's match/select:
  # patterns with :_ and :"$N" variables, guards (comparisons, type tests,
  # arithmetic, :andalso / :orelse, {:const, t}, element/hd/tl/...), and
  # bodies (:"$_", :"$$", variables, {{...}} tuples). A guard that fails to
  # evaluate is false, as in ETS.

  def match?(pattern, guards, term) do
    case bind(pattern, term, %{}) do
      {:ok, vars} -> guards?(guards, vars, term)
      :error -> false
    end
  end

  @doc false
  def select(spec, entries, fun_name) do
    Enum.each(spec, fn
      {{_, _, _}, guards, body} when is_list(guards) and is_list(body) ->
        :ok

      other ->
        raise ArgumentError,
              "invalid match specification in #{fun_name}: #{inspect(other)}"
    end)

    Enum.flat_map(entries, fn entry ->
      Enum.find_value(spec, [], fn {pattern, guards, body} ->
        case bind(pattern, entry, %{}) do
          {:ok, vars} ->
            if guards?(guards, vars, entry), do: [result(body, vars, entry)], else: nil

          :error ->
            nil
        end
      end)
    end)
  end

  defp result(body, vars, term) do
    Enum.reduce(body, nil, fn expr, _ -> eval(expr, vars, term) end)
  end

  defp bind(:_, _term, vars), do: {:ok, vars}

  defp bind(pattern, term, vars) when is_atom(pattern) do
    if variable?(pattern) do
      case Map.fetch(vars, pattern) do
        {:ok, bound} -> if bound === term, do: {:ok, vars}, else: :error
        :error -> {:ok, Map.put(vars, pattern, term)}
      end
    else
      if pattern === term, do: {:ok, vars}, else: :error
    end
  end

  defp bind(pattern, term, vars) when is_tuple(pattern) and is_tuple(term) do
    if tuple_size(pattern) == tuple_size(term) do
      bind_list(Tuple.to_list(pattern), Tuple.to_list(term), vars)
    else
      :error
    end
  end

  defp bind([ph | pt], [th | tt], vars) do
    case bind(ph, th, vars) do
      {:ok, vars} -> bind(pt, tt, vars)
      :error -> :error
    end
  end

  defp bind(pattern, term, vars) when is_map(pattern) and is_map(term) do
    Enum.reduce_while(pattern, {:ok, vars}, fn {k, p}, {:ok, vars} ->
      case Map.fetch(term, k) do
        {:ok, v} ->
          case bind(p, v, vars) do
            {:ok, vars} -> {:cont, {:ok, vars}}
            :error -> {:halt, :error}
          end

        :error ->
          {:halt, :error}
      end
    end)
  end

  defp bind(pattern, term, vars) do
    if pattern === term, do: {:ok, vars}, else: :error
  end

  defp bind_list([], [], vars), do: {:ok, vars}

  defp bind_list([p | ps], [t | ts], vars) do
    case bind(p, t, vars) do
      {:ok, vars} -> bind_list(ps, ts, vars)
      :error -> :error
    end
  end

  defp variable?(atom) do
    case Atom.to_string(atom) do
      "$" <> rest -> rest != "" and String.match?(rest, ~r/^\d+$/)
      _ -> false
    end
  end

  defp guards?(guards, vars, term) do
    Enum.all?(guards, fn g ->
      try do
        eval(g, vars, term) == true
      rescue
        _ -> false
      catch
        _, _ -> false
      end
    end)
  end

  defp eval(:"$_", _vars, term), do: term

  defp eval(:"$$", vars, _term) do
    vars |> Enum.sort_by(fn {k, _} -> var_index(k) end) |> Enum.map(fn {_, v} -> v end)
  end

  defp eval(atom, vars, _term) when is_atom(atom) do
    if variable?(atom), do: Map.fetch!(vars, atom), else: atom
  end

  defp eval({:const, value}, _vars, _term), do: value
  defp eval({tuple}, vars, term) when is_tuple(tuple), do: eval_tuple(tuple, vars, term)

  defp eval({:andalso, a, b}, vars, term), do: eval(a, vars, term) == true and eval(b, vars, term) == true
  defp eval({:orelse, a, b}, vars, term), do: eval(a, vars, term) == true or eval(b, vars, term) == true
  defp eval({:and, a, b}, vars, term), do: eval(a, vars, term) and eval(b, vars, term)
  defp eval({:or, a, b}, vars, term), do: eval(a, vars, term) or eval(b, vars, term)
  defp eval({:xor, a, b}, vars, term), do: eval(a, vars, term) != eval(b, vars, term)
  defp eval({:not, a}, vars, term), do: not eval(a, vars, term)

  defp eval({op, a}, vars, term) when is_atom(op) do
    apply(:erlang, op, [eval(a, vars, term)])
  end

  defp eval({op, a, b}, vars, term) when is_atom(op) do
    apply(:erlang, op, [eval(a, vars, term), eval(b, vars, term)])
  end

  defp eval(list, vars, term) when is_list(list), do: Enum.map(list, &eval(&1, vars, term))
  defp eval(map, vars, term) when is_map(map), do: Map.new(map, fn {k, v} -> {k, eval(v, vars, term)} end)
  defp eval(other, _vars, _term), do: other

  defp eval_tuple(tuple, vars, term) do
    tuple |> Tuple.to_list() |> Enum.map(&eval(&1, vars, term)) |> List.to_tuple()
  end

  defp var_index(atom) do
    "$" <> n = Atom.to_string(atom)
    String.to_integer(n)
  end
end
