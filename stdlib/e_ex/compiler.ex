# EEx's tokenizer and compiler (see stdlib/e_ex.ex).
#
# Trimming (`trim: true`), as Elixir 1.14 does it: around a tag, the
# spaces and blank lines before it are dropped back to the end of the
# previous non-blank line (keeping one newline), and the spaces and blank
# lines after it are dropped up to the start of the next non-blank line
# (keeping one newline); at the start and the end of the template all
# of them go.
defmodule EEx.Compiler do
  @moduledoc false

  @ws [?\s, ?\t, ?\n, ?\r]

  ## Tokenizer (charlists in, charlists in the tokens)

  @doc false
  def tokenize(chars, line, column, opts) do
    tokenize(chars, line, column, opts, [], {line, column}, [])
  end

  # `buffer`: the current text, reversed; `tmeta`: where it started.
  defp tokenize(~c"<%!--" ++ rest, line, column, opts, buffer, tmeta, acc) do
    case comment(rest, line, column + 5, []) do
      {:ok, chars, rest, l2, c2} ->
        {buffer, rest, l3, c3, next} = trim(buffer, rest, l2, c2, opts, acc)
        acc = [{:comment, chars, meta(line, column)} | text(buffer, tmeta, acc)]
        tokenize(rest, l3, c3, opts, next, {l3, c3}, acc)

      {:error, l2, c2} ->
        {:error, "missing token '--%>'", meta(l2, c2)}
    end
  end

  defp tokenize(~c"<%%" ++ rest, line, column, opts, buffer, tmeta, acc) do
    tokenize(rest, line, column + 3, opts, [?%, ?< | buffer], tmeta, acc)
  end

  defp tokenize(~c"<%#" ++ rest, line, column, opts, buffer, tmeta, acc) do
    case expr(rest, line, column + 3, []) do
      {:ok, _chars, rest, l2, c2} ->
        {buffer, rest, l3, c3, next} = trim(buffer, rest, l2, c2, opts, acc)
        tokenize(rest, l3, c3, opts, next, {l3, c3}, text(buffer, tmeta, acc))

      {:error, l2, c2} ->
        {:error, "missing token '%>'", meta(l2, c2)}
    end
  end

  defp tokenize(~c"<%" ++ rest, line, column, opts, buffer, tmeta, acc) do
    {marker, rest, skip} =
      case rest do
        [m | rest] when m in [?=, ?/, ?|] -> {[m], rest, 3}
        _ -> {[], rest, 2}
      end

    case expr(rest, line, column + skip, []) do
      {:ok, chars, rest, l2, c2} ->
        key = token_key(chars)
        {buffer, rest, l3, c3, next} = trim(buffer, rest, l2, c2, opts, acc)
        acc = [{key, marker, chars, meta(line, column)} | text(buffer, tmeta, acc)]
        tokenize(rest, l3, c3, opts, next, {l3, c3}, acc)

      {:error, l2, c2} ->
        {:error, "missing token '%>'", meta(l2, c2)}
    end
  end

  defp tokenize([?\n | rest], line, _column, opts, buffer, tmeta, acc) do
    tokenize(rest, line + 1, 1 + opts.indentation, opts, [?\n | buffer], tmeta, acc)
  end

  defp tokenize([c | rest], line, column, opts, buffer, tmeta, acc) do
    tokenize(rest, line, column + 1, opts, [c | buffer], tmeta, acc)
  end

  defp tokenize([], line, column, _opts, buffer, tmeta, acc) do
    {:ok, Enum.reverse([{:eof, meta(line, column)} | text(buffer, tmeta, acc)])}
  end

  defp meta(line, column), do: %{line: line, column: column}

  defp text([], _tmeta, acc), do: acc
  defp text(buffer, {line, column}, acc), do: [{:text, Enum.reverse(buffer), meta(line, column)} | acc]

  # The code of a tag, up to `%>`.
  defp expr(~c"%>" ++ rest, line, column, acc), do: {:ok, Enum.reverse(acc), rest, line, column + 2}
  defp expr([?\n | rest], line, _column, acc), do: expr(rest, line + 1, 1, [?\n | acc])
  defp expr([c | rest], line, column, acc), do: expr(rest, line, column + 1, [c | acc])
  defp expr([], line, column, _acc), do: {:error, line, column}

  defp comment(~c"--%>" ++ rest, line, column, acc), do: {:ok, Enum.reverse(acc), rest, line, column + 4}
  defp comment([?\n | rest], line, _column, acc), do: comment(rest, line + 1, 1, [?\n | acc])
  defp comment([c | rest], line, column, acc), do: comment(rest, line, column + 1, [c | acc])
  defp comment([], line, column, _acc), do: {:error, line, column}

  # `{text before the tag, rest, line, column, start of the text after it}`.
  defp trim(buffer, rest, line, column, %{trim: false}, _acc), do: {buffer, rest, line, column, []}

  defp trim(buffer, rest, line, column, %{trim: true}, acc) do
    {rest, l, c, next} = trim_right(rest, line, column)
    {trim_left(buffer, acc == []), rest, l, c, next}
  end

  # `buffer` is reversed: its whitespace suffix comes first.
  defp trim_left(buffer, first?) do
    {ws, kept} = Enum.split_while(buffer, &(&1 in @ws))

    cond do
      ws == [] ->
        buffer

      kept == [] and first? ->
        []

      ?\n in ws ->
        # Keep the previous line's trailing spaces and one newline.
        before = ws |> Enum.reverse() |> Enum.take_while(&(&1 != ?\n)) |> Enum.reject(&(&1 == ?\r))
        [?\n | Enum.reverse(before)] ++ kept

      true ->
        buffer
    end
  end

  # The new text after the tag starts with the returned prefix (reversed).
  defp trim_right(rest, line, column) do
    {ws, after_ws} = Enum.split_while(rest, &(&1 in @ws))

    cond do
      after_ws == [] ->
        {l, c} = advance(ws, line, column)
        {[], l, c, []}

      ?\n in ws ->
        # Up to the last newline of the whitespace, which starts the text.
        last = length(ws) - 1 - Enum.find_index(Enum.reverse(ws), &(&1 == ?\n))
        {consumed, kept} = Enum.split(ws, last)
        {l, c} = advance(consumed, line, column)
        {kept ++ after_ws, l, c, []}

      true ->
        {rest, line, column, []}
    end
  end

  defp advance([], line, column), do: {line, column}
  defp advance([?\n | rest], line, _column), do: advance(rest, line + 1, 1)
  defp advance([_ | rest], line, column), do: advance(rest, line, column + 1)

  # What a tag's code is: a block's start (it ends with `do`, or with
  # `->` inside an open `fn`), middle (`else`, a clause `x ->`), end
  # (it starts with `end`), or a whole expression.
  defp token_key(chars) do
    tokens = code_tokens(List.to_string(chars))

    case {tokens, Enum.reverse(tokens)} do
      {_, ["do" | _]} ->
        :start_expr

      {_, [block | _]} when block in ["else", "after", "catch", "rescue"] ->
        :middle_expr

      {["end" | _], ["->" | _]} ->
        :middle_expr

      {_, ["->" | reverse_tokens]} ->
        fn_index = Enum.find_index(reverse_tokens, &(&1 == "fn")) || :infinity
        end_index = Enum.find_index(reverse_tokens, &(&1 == "end")) || :infinity
        if end_index > fn_index, do: :start_expr, else: :middle_expr

      {tokens, _} ->
        case Enum.drop_while(tokens, &(&1 in [")", "]", "}"])) do
          ["end" | _] -> :end_expr
          _ -> :expr
        end
    end
  end

  defp code_tokens(code) do
    ~r/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|->|[A-Za-z_][A-Za-z0-9_]*[?!]?:?|\S/
    |> Regex.scan(code)
    |> Enum.map(&hd/1)
    |> Enum.reject(&(String.starts_with?(&1, "\"") or String.starts_with?(&1, "'")))
  end

  ## Compiler

  @doc false
  def compile(tokens, _source, opts) do
    engine = opts[:engine] || EEx.SmartEngine
    file = opts[:file] || "nofile"
    ctx = %{engine: engine, file: file, parser: opts[:parser_options] || []}
    state = engine.init(opts)

    case buffer(tokens, state, ctx, :top) do
      {state, [{:eof, _}]} -> engine.handle_body(state)
    end
  end

  # Feeds tokens to the engine until an end of buffer: eof at the top, a
  # middle or end tag in a block.
  defp buffer([{:text, chars, meta} | rest], state, ctx, scope) do
    state = ctx.engine.handle_text(state, [line: meta.line, column: meta.column], List.to_string(chars))
    buffer(rest, state, ctx, scope)
  end

  defp buffer([{:comment, _, _} | rest], state, ctx, scope), do: buffer(rest, state, ctx, scope)

  defp buffer([{:expr, marker, chars, meta} | rest], state, ctx, scope) do
    quoted = quoted(chars, meta, marker, ctx)
    buffer(rest, ctx.engine.handle_expr(state, List.to_string(marker), quoted), ctx, scope)
  end

  defp buffer([{:start_expr, marker, chars, meta} | rest], state, ctx, scope) do
    if marker == [] do
      IO.puts(
        :stderr,
        "warning: the contents of this expression won't be output unless the EEx block starts with \"<%=\"\n" <>
          "  #{ctx.file}:#{meta.line}:#{meta.column}\n"
      )
    end

    {quoted, rest} = block(rest, [{chars, meta}], %{}, 0, state, ctx, marker, meta, true)
    buffer(rest, ctx.engine.handle_expr(state, List.to_string(marker), quoted), ctx, scope)
  end

  defp buffer([{key, marker, chars, meta} | _], _state, ctx, :top) when key in [:middle_expr, :end_expr] do
    what = if key == :middle_expr, do: "middle", else: "end"

    raise EEx.SyntaxError,
      message: "unexpected #{what} of expression <%#{marker}#{chars}%>",
      file: ctx.file,
      line: meta.line,
      column: meta.column
  end

  defp buffer([{key, _, _, _} | _] = tokens, state, _ctx, :block) when key in [:middle_expr, :end_expr],
    do: {state, tokens}

  defp buffer([{:eof, meta}] = tokens, state, ctx, scope) do
    if scope == :block do
      raise EEx.SyntaxError,
        message: "unexpected end of string, expected a closing '<% end %>'",
        file: ctx.file,
        line: meta.line,
        column: meta.column
    end

    {state, tokens}
  end

  # Collects a block's inner buffers (each compiled by the engine from a
  # fresh handle_begin state) and its code chunks; `parts` is reversed.
  defp block(tokens, parts, buffers, n, state, ctx, marker, start_meta, first?) do
    inner = ctx.engine.handle_begin(state)
    {inner, rest} = buffer(tokens, inner, ctx, :block)
    consumed = Enum.take(tokens, length(tokens) - length(rest))

    [{key, _m, chars, meta} | rest] = rest

    # Whitespace between a block's start and its first clause is dropped.
    blank? =
      Enum.all?(consumed, fn
        {:text, t, _} -> Enum.all?(t, &(&1 in @ws))
        {:comment, _, _} -> true
        _ -> false
      end)

    {parts, buffers, n} =
      if first? and blank? and key == :middle_expr and clause?(chars) do
        {parts, buffers, n}
      else
        {[{:placeholder, n} | parts], Map.put(buffers, n, ctx.engine.handle_end(inner)), n + 1}
      end

    parts = [{chars, meta} | parts]

    case key do
      :middle_expr -> block(rest, parts, buffers, n, state, ctx, marker, start_meta, false)
      :end_expr -> {assemble(Enum.reverse(parts), buffers, start_meta, ctx), rest}
    end
  end

  defp clause?(chars), do: chars |> List.to_string() |> String.trim_trailing() |> String.ends_with?("->")

  # The block's code, with lines kept where the template had them.
  defp assemble(parts, buffers, start_meta, ctx) do
    {code, _line} =
      Enum.reduce(parts, {[], start_meta.line}, fn
        {:placeholder, n}, {acc, line} ->
          {[acc, "__EEX__(#{n});"], line}

        {chars, meta}, {acc, line} ->
          pad = String.duplicate("\n", max(meta.line - line, 0))
          code = List.to_string(chars)
          {[acc, pad, code], meta.line + count_lines(code)}
      end)

    code = IO.iodata_to_binary(code)
    quoted = parse(code, start_meta, ctx)

    Macro.prewalk(quoted, fn
      {:__EEX__, _, [n]} when is_integer(n) -> Map.fetch!(buffers, n)
      other -> other
    end)
  end

  defp count_lines(code), do: code |> String.graphemes() |> Enum.count(&(&1 == "\n"))

  defp quoted(chars, meta, marker, ctx) do
    parse(List.to_string(chars), %{meta | column: meta.column + 2 + length(marker)}, ctx)
  end

  defp parse(code, meta, ctx) do
    opts = [file: ctx.file, line: meta.line, column: meta.column] ++ ctx.parser
    Code.string_to_quoted!(code, opts)
  end
end
