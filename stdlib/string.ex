defmodule String do
  def split_at(s, n), do: {String.slice(s, 0, n), String.slice(s, n, String.length(s))}

  @doc "The Jaro distance (similarity, 0.0 to 1.0) between two strings, over their graphemes."
  def jaro_distance(string1, string2) when is_binary(string1) and is_binary(string2) do
    cond do
      string1 == string2 ->
        1.0

      string1 == "" or string2 == "" ->
        0.0

      true ->
        g1 = String.graphemes(string1)
        g2 = String.graphemes(string2)
        {len1, len2} = {length(g1), length(g2)}
        window = max(div(max(len1, len2), 2) - 1, 0)
        {matched1, used2} = jaro_matches(Enum.with_index(g1), List.to_tuple(g2), window, %{}, [])

        case length(matched1) do
          0 ->
            0.0

          m ->
            matched2 = for {g, i} <- Enum.with_index(g2), Map.has_key?(used2, i), do: g
            half = Enum.zip(matched1, matched2) |> Enum.count(fn {a, b} -> a != b end)
            (m / len1 + m / len2 + (m - div(half, 2)) / m) / 3
        end
    end
  end

  # The graphemes of the first string that match one of the second within
  # `window` positions, each of the second's used once (in order).
  defp jaro_matches([], _g2, _window, used, acc), do: {Enum.reverse(acc), used}

  defp jaro_matches([{g, i} | rest], g2, window, used, acc) do
    from = max(i - window, 0)
    to = min(i + window, tuple_size(g2) - 1)

    found =
      if from <= to do
        Enum.find(from..to, fn j -> not Map.has_key?(used, j) and elem(g2, j) == g end)
      end

    case found do
      nil -> jaro_matches(rest, g2, window, used, acc)
      j -> jaro_matches(rest, g2, window, Map.put(used, j, true), [g | acc])
    end
  end

  @doc "Whether `string` matches `regex`."
  def match?(string, regex) when is_binary(string), do: Regex.match?(regex, string)

  @doc "`string` without the copies of `to_trim` at its end."
  def trim_trailing(string, to_trim) when is_binary(string) and is_binary(to_trim) do
    size = byte_size(string) - byte_size(to_trim)

    if to_trim != "" and size >= 0 and binary_part(string, size, byte_size(to_trim)) == to_trim do
      trim_trailing(binary_part(string, 0, size), to_trim)
    else
      string
    end
  end

  @doc """
  Whether the first `limit` characters of `string` are printable: valid
  UTF-8, no control characters but `\\a\\b\\t\\n\\v\\f\\r\\e` and DEL.
  """
  def printable?(string, limit \\ :infinity)

  def printable?(string, limit)
      when is_binary(string) and (limit == :infinity or (is_integer(limit) and limit >= 0)),
      do: :beamlet.string_printable(string, limit)
end
