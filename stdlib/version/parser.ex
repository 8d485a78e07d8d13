defmodule Version.Parser do
  @moduledoc false

  # Versions are `major.minor.patch[-pre][+build]`: numbers without leading
  # zeros; pre-release and build identifiers are dot-separated, non-empty,
  # of ASCII letters, digits and `-`; a numeric pre-release identifier is
  # an integer (no leading zeros). In a `~>` requirement the patch may be
  # left out.

  @operators [:==, :!=, :>, :>=, :<, :<=, :~>]

  @doc false
  # The tokens of a requirement, last first: operators, `:and`, `:or`, and
  # version strings (a version not after an operator gets `:==`).
  def lexer(string), do: lex(string, "", [])

  defp lex(<<"~>", rest::binary>>, word, acc), do: lex(rest, "", [:~> | word(word, acc)])
  defp lex(<<">=", rest::binary>>, word, acc), do: lex(rest, "", [:>= | word(word, acc)])
  defp lex(<<"<=", rest::binary>>, word, acc), do: lex(rest, "", [:<= | word(word, acc)])
  defp lex(<<"==", rest::binary>>, word, acc), do: lex(rest, "", [:== | word(word, acc)])

  defp lex(<<"!=", rest::binary>>, word, acc) do
    IO.warn("!= inside Version requirements is deprecated, use ~> or >= instead")
    lex(rest, "", [:!= | word(word, acc)])
  end

  defp lex(<<"!", rest::binary>>, word, acc) do
    IO.warn("! inside Version requirements is deprecated, use ~> or >= instead")
    lex(rest, "", [:!= | word(word, acc)])
  end

  defp lex(<<">", rest::binary>>, word, acc), do: lex(rest, "", [:> | word(word, acc)])
  defp lex(<<"<", rest::binary>>, word, acc), do: lex(rest, "", [:< | word(word, acc)])
  defp lex(<<c, rest::binary>>, word, acc) when c in [?\s, ?\t, ?\n, ?\r], do: lex(rest, "", word(word, acc))
  defp lex(<<c, rest::binary>>, word, acc), do: lex(rest, <<word::binary, c>>, acc)
  defp lex(<<>>, word, acc), do: word(word, acc)

  defp word("", acc), do: acc
  defp word("and", acc), do: [:and | acc]
  defp word("or", acc), do: [:or | acc]
  defp word(version, [op | _] = acc) when op in @operators, do: [version | acc]
  defp word(version, acc), do: [version, :== | acc]

  @doc false
  # `{:ok, lexed}` (see Version.Requirement) or `:error`.
  def parse_requirement(string) do
    string |> lexer() |> Enum.reverse() |> parse_lexed([])
  end

  defp parse_lexed([op, version | rest], acc) when op in @operators and is_binary(version) do
    case parse_version(version, op == :~>) do
      {:ok, parsed} ->
        case rest do
          [] -> {:ok, Enum.reverse([parsed, op | acc])}
          [join | rest] when join in [:and, :or] and rest != [] -> parse_lexed(rest, [join, parsed, op | acc])
          _ -> :error
        end

      :error ->
        :error
    end
  end

  defp parse_lexed(_, _), do: :error

  @doc false
  # `{:ok, {major, minor, patch, pre, build}}` (build as its identifiers;
  # patch `nil` when `approximate?` allows leaving it out) or `:error`.
  def parse_version(string, approximate? \\ false) when is_binary(string) do
    {main, build} =
      case :binary.split(string, "+") do
        [main] -> {main, []}
        [main, build] -> {main, :binary.split(build, ".", [:global])}
      end

    {core, pre} =
      case :binary.split(main, "-") do
        [core] -> {core, []}
        [core, pre] -> {core, :binary.split(pre, ".", [:global])}
      end

    with {:ok, numbers} <- parse_core(:binary.split(core, ".", [:global]), approximate?),
         true <- Enum.all?(build, &identifier?/1),
         {:ok, pre} <- parse_pre(pre, []) do
      {major, minor, patch} = numbers
      {:ok, {major, minor, patch, pre, build}}
    else
      _ -> :error
    end
  end

  defp parse_core([major, minor, patch], _) do
    with {:ok, major} <- number(major), {:ok, minor} <- number(minor), {:ok, patch} <- number(patch) do
      {:ok, {major, minor, patch}}
    end
  end

  defp parse_core([major, minor], true) do
    with {:ok, major} <- number(major), {:ok, minor} <- number(minor) do
      {:ok, {major, minor, nil}}
    end
  end

  defp parse_core(_, _), do: :error

  defp number("0"), do: {:ok, 0}
  defp number("0" <> _), do: :error

  defp number(string) do
    if string != "" and digits?(string), do: {:ok, String.to_integer(string)}, else: :error
  end

  defp parse_pre([], acc), do: {:ok, Enum.reverse(acc)}

  defp parse_pre([id | rest], acc) do
    cond do
      not identifier?(id) -> :error
      not digits?(id) -> parse_pre(rest, [id | acc])
      id != "0" and match?("0" <> _, id) -> :error
      true -> parse_pre(rest, [String.to_integer(id) | acc])
    end
  end

  defp identifier?(""), do: false
  defp identifier?(id), do: for(<<c <- id>>, c not in ?0..?9 and c not in ?a..?z and c not in ?A..?Z and c != ?-, do: c) == []

  defp digits?(string), do: for(<<c <- string>>, c not in ?0..?9, do: c) == []
end
