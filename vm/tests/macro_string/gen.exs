# Generates cases.txt: quoted forms and what Elixir's `Macro.to_string/1` prints for them,
# recorded from real Elixir (1.14.0 on OTP 25). Run from the repository root:
#
#     elixir vm/tests/macro_string/gen.exs
#
# Three kinds of cases, in this order:
#
# 1. The snippets of snippets.txt, quoted with `Code.string_to_quoted!/1` (line metadata
#    included). snippets.txt holds one snippet per line; a snippet spanning lines sits
#    between a line `<<<` and a line `>>>`. Blank lines and lines starting with `#` are
#    skipped. A line `quoted: EXPR` takes the term EXPR evaluates to as the quoted form.
# 2. Every pair of binary operators, one nested on either side of the other
#    (`(a op1 b) op2 c`, `a op2 (b op1 c)`): parentheses and precedence.
# 3. Random quoted forms (a fixed seed, so the same ones each run), with and without line
#    metadata: calls, operators, data, clauses, captures, strings, sigils, blocks.
#
# Each case is written as `#### case N`, a label (the snippet), `#### quoted` and the
# quoted form as `inspect/2` prints it on one line, then `#### expected` and the output.
# Where Elixir itself raises, the case is written under `#### raises` instead and only
# checks that beamlet does not panic.
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

dups = snippets -- Enum.uniq(snippets)
Enum.each(dups, &IO.puts(:stderr, "duplicate: #{&1}"))

snippet_cases =
  snippets
  |> Enum.filter(fn snippet ->
    String.starts_with?(snippet, "quoted: ") or
      match?({:ok, _}, Code.string_to_quoted(snippet)) or
      (IO.puts(:stderr, "syntax error, skipped: #{snippet}") && false)
  end)
  |> Enum.map(fn
    "quoted: " <> expr = snippet -> {snippet, elem(Code.eval_string(expr), 0)}
    snippet -> {snippet, Code.string_to_quoted!(snippet)}
  end)

# 2. Operator pairs.
ops =
  ~w(|> <<< >>> ~> <~> <|> in ++ -- <> +++ --- .. ^^^ // + * == < && and || = :: | when <- \\ ** .)a

var = fn name -> {name, [], nil} end

op_cases =
  for outer <- ops, inner <- ops, side <- [:left, :right] do
    quoted =
      case side do
        :left -> {outer, [], [{inner, [], [var.(:a), var.(:b)]}, var.(:c)]}
        :right -> {outer, [], [var.(:a), {inner, [], [var.(:b), var.(:c)]}]}
      end

    {"operators #{inner} inside #{outer} (#{side})", quoted}
  end

# 3. Random quoted forms.
defmodule Random do
  def pick(list), do: Enum.at(list, :rand.uniform(length(list)) - 1)

  def meta(lines?) do
    if lines? and :rand.uniform(3) == 1, do: [line: :rand.uniform(3)], else: []
  end

  def var(l), do: {pick([:a, :b, :x, :foo, :long_variable_name, :_, :_ignored]), meta(l), nil}

  def literal do
    pick([
      fn -> :rand.uniform(2000) - 1000 end,
      fn -> pick([123_456_789, -5, 0, 1.5, -0.25, 1.0e20, 3.0e-9]) end,
      fn -> pick([:ok, :error, nil, true, false, :"with space", Foo, Foo.Bar, :+, :"a\"b"]) end,
      fn ->
        pick(["str", "", "a\nb", "q\"uote", "tab\t", "é", "\#{x}", "a longer string, it takes some columns"])
      end,
      fn -> pick([~c"abc", [1, 2], []]) end
    ]).()
  end

  def binary_ops,
    do: ~w(+ - * / == != === < > <= >= && || and or in ++ -- <> .. |> = :: | when \\ <- =~ ** ||| <<<)a

  def unary_ops, do: ~w(- + ! not ^ ~~~ @)a

  def form(0, l), do: if(:rand.uniform(2) == 1, do: var(l), else: literal())

  def form(depth, l) do
    n = depth - 1

    case :rand.uniform(26) do
      k when k <= 4 -> form(0, l)
      k when k <= 8 -> {pick(binary_ops()), meta(l), [form(n, l), form(n, l)]}
      9 -> {pick(unary_ops()), meta(l), [form(n, l)]}
      10 -> {pick(~w(foo bar assert refute raise if send is_nil length match? elem def import)a), meta(l), args(n, l)}
      11 -> {{:., meta(l), [pick([{:__aliases__, meta(l), [:Enum]}, :erlang, var(l)]), pick([:map, :reduce, :"weird name"])]}, meta(l), args(n, l)}
      12 -> {{:., meta(l), [var(l)]}, meta(l), args(n, l)}
      13 -> {{:., meta(l), [Access, :get]}, meta(l), [form(n, l), form(n, l)]}
      14 -> Enum.map(1..:rand.uniform(4), fn _ -> form(n, l) end)
      15 -> Enum.map(1..:rand.uniform(3), fn _ -> {pick([:a, :b, :key, :do, :else, :"odd key"]), form(n, l)} end)
      16 -> {form(n, l), form(n, l)}
      17 -> {:{}, meta(l), Enum.map(1..:rand.uniform(4), fn _ -> form(n, l) end)}
      18 -> {:%{}, meta(l), Enum.map(1..:rand.uniform(3), fn _ -> {pick([:a, :b, "k", 1, form(n, l)]), form(n, l)} end)}
      19 -> {:fn, meta(l), Enum.map(1..:rand.uniform(2), fn _ -> {:->, meta(l), [Enum.map(1..:rand.uniform(2), fn _ -> form(n, l) end), form(n, l)]} end)}
      20 -> {:case, meta(l), [form(n, l), [do: Enum.map(1..:rand.uniform(2), fn _ -> {:->, meta(l), [[form(n, l)], form(n, l)]} end)]]}
      21 -> {pick([:if, :foo, :unless]), meta(l), [form(n, l), [do: form(n, l), else: form(n, l)]]}
      22 -> {:&, meta(l), [pick([{:+, meta(l), [{:&, [], [1]}, form(n, l)]}, {:/, meta(l), [var(l), 2]}, {:foo, meta(l), [{:&, [], [1]}, form(n, l)]}])]}
      23 -> {:<<>>, meta(l), pick([["a", {:"::", [], [{{:., [], [Kernel, :to_string]}, [], [form(n, l)]}, {:binary, [], nil}]}, "b"], [form(n, l), {:"::", meta(l), [var(l), {:binary, [], nil}]}]])}
      24 -> {:%, meta(l), [{:__aliases__, meta(l), [:User]}, {:%{}, meta(l), [a: form(n, l)]}]}
      25 -> {:__block__, meta(l), Enum.map(1..:rand.uniform(3), fn _ -> form(n, l) end)}
      26 -> {:sigil_r, [delimiter: pick(["/", "(", "\"\"\""])] ++ meta(l), [{:<<>>, [], ["ab" <> pick(["", "\n"])]}, pick([[], ~c"i"])]}
    end
  end

  def args(n, l),
    do: Enum.map(1..:rand.uniform(4) - 1, fn _ -> form(n, l) end) ++ pick([[], [], [[a: form(n, l)]], [[do: form(n, l)]]])
end

:rand.seed(:exsss, {2024, 12, 3})

random_cases =
  for i <- 1..1000 do
    lines? = rem(i, 2) == 0
    {"random #{i}#{if lines?, do: " (with lines)", else: ""}", Random.form(:rand.uniform(4), lines?)}
  end

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

cases =
  (snippet_cases ++ op_cases ++ random_cases)
  |> Enum.with_index(1)
  |> Enum.map(fn {{label, quoted}, i} ->
    {expected, header} =
      try do
        {Macro.to_string(quoted), "expected"}
      rescue
        e ->
          IO.puts(:stderr, "case #{i} raises in Elixir: #{label}")
          {Exception.format_banner(:error, e) |> String.split("\n") |> hd(), "raises"}
      end

    if header == "expected" and String.contains?(label, "\n") == false and
         not String.starts_with?(label, ["quoted: ", "operators", "random"]) and
         Macro.to_string(strip.(quoted)) != expected do
      IO.puts(:stderr, "note: case #{i} depends on line metadata")
    end

    """
    #### case #{i}
    #{label}
    #### quoted
    #{inspect(quoted, opts)}
    #### #{header}
    #{expected}
    """
  end)

File.write!(Path.join(dir, "cases.txt"), Enum.join(cases, ""))

IO.puts(:stderr, "#{length(cases)} cases: #{length(snippet_cases)} snippets, #{length(op_cases)} operator pairs, #{length(random_cases)} random forms")
