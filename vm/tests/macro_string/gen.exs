# Generates cases.txt from snippets.txt: for each snippet, its quoted form
# (`Code.string_to_quoted!/1`, or the term a `quoted:` line evaluates to) and the
# `Macro.to_string/1` of it, recorded from real Elixir. Run from the repository root:
#
#     elixir vm/tests/macro_string/gen.exs
#
# snippets.txt: one snippet per line; a snippet spanning lines sits between a line
# `<<<` and a line `>>>`. Blank lines and lines starting with `#` are skipped. A line
# `quoted: EXPR` takes the term EXPR evaluates to as the quoted form itself.
dir = Path.dirname(__ENV__.file)

snippets =
  File.read!(Path.join(dir, "snippets.txt"))
  |> String.split("\n")
  |> Enum.reduce({[], nil}, fn
    ">>>", {acc, block} -> {[Enum.join(Enum.reverse(block), "\n") | acc], nil}
    line, {acc, block} when is_list(block) -> {acc, [line | block]}
    "<<<", {acc, nil} -> {acc, []}
    "", {acc, nil} -> {acc, nil}
    "#" <> _, {acc, nil} -> {acc, nil}
    line, {acc, nil} -> {[line | acc], nil}
  end)
  |> elem(0)
  |> Enum.reverse()

opts = [
  limit: :infinity,
  printable_limit: :infinity,
  charlists: :as_lists,
  binaries: :as_strings,
  width: :infinity
]

strip = fn q ->
  Macro.prewalk(q, fn
    {a, m, b} when is_list(m) -> {a, Keyword.delete(m, :line), b}
    other -> other
  end)
end

{cases, dups} =
  snippets
  |> Enum.filter(fn snippet ->
    String.starts_with?(snippet, "quoted: ") or
      match?({:ok, _}, Code.string_to_quoted(snippet)) or
      (IO.puts(:stderr, "syntax error, skipped: #{snippet}") && false)
  end)
  |> Enum.with_index(1)
  |> Enum.map_reduce(MapSet.new(), fn {snippet, i}, seen ->
    quoted =
      case snippet do
        "quoted: " <> expr -> elem(Code.eval_string(expr), 0)
        _ -> Code.string_to_quoted!(snippet)
      end

    # Where Elixir itself raises, the case only checks that beamlet does not panic.
    {expected, header} =
      try do
        {Macro.to_string(quoted), "expected"}
      rescue
        e ->
          IO.puts(:stderr, "case #{i} raises in Elixir: #{snippet}")
          {Exception.format_banner(:error, e) |> String.split("\n") |> hd(), "raises"}
      end

    if header == "expected" and not String.starts_with?(snippet, "quoted: ") and
         Macro.to_string(strip.(quoted)) != expected do
      IO.puts(:stderr, "note: case #{i} depends on line metadata")
    end

    if MapSet.member?(seen, snippet), do: IO.puts(:stderr, "duplicate: #{snippet}")

    text = """
    #### case #{i}
    #{snippet}
    #### quoted
    #{inspect(quoted, opts)}
    #### #{header}
    #{expected}
    """

    {text, MapSet.put(seen, snippet)}
  end)

_ = dups
File.write!(Path.join(dir, "cases.txt"), Enum.join(cases, ""))
IO.puts(:stderr, "#{length(cases)} cases")
