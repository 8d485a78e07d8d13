defimpl Inspect, for: List do
  import Inspect.Algebra

  # A list of printable ASCII codes prints as a charlist ('abc'; any list
  # of codes with `charlists: :as_charlists`), a keyword list as `[a: 1]`,
  # anything else as `[1, 2 | tail]`.
  def inspect([], opts), do: color("[]", :list, opts)

  def inspect(list, opts) do
    limit = opts.printable_limit

    charlist? =
      case opts.charlists do
        :as_charlists -> true
        :as_lists -> false
        _ -> List.ascii_printable?(list, limit)
      end

    cond do
      charlist? ->
        text =
          case :beamlet.inspect_escape(List.to_string(list), ?', limit) do
            {escaped, ""} -> "'" <> escaped <> "'"
            {escaped, _} -> "'" <> escaped <> "' ++ ..."
          end

        color(text, :charlist, opts)

      keyword?(list) ->
        container_doc(open(opts), list, close(opts), opts, &keyword/2, separator: sep(opts), break: :strict)

      true ->
        container_doc(open(opts), list, close(opts), opts, &to_doc/2, separator: sep(opts))
    end
  end

  defp open(opts), do: color("[", :list, opts)
  defp sep(opts), do: color(",", :list, opts)
  defp close(opts), do: color("]", :list, opts)

  @doc false
  # `key: value`, for keyword lists, maps with atom keys and structs.
  def keyword({key, value}, opts) do
    key = color(:beamlet.inspect_atom(:key, key), :atom, opts)
    concat(key, concat(" ", to_doc(value, opts)))
  end

  @doc false
  # Whether `list` is a keyword list whose keys are not aliases.
  def keyword?([{key, _value} | rest]) when is_atom(key) do
    case Atom.to_string(key) do
      "Elixir." <> _ -> false
      _ -> keyword?(rest)
    end
  end

  def keyword?([]), do: true
  def keyword?(_other), do: false
end
