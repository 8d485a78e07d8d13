defmodule Inspect.Algebra do
  @moduledoc """
  Documents for pretty printing (Wadler's "prettier printer", with
  Elixir's additions), as Elixir 1.14's `Inspect.Algebra`: the same
  document terms (`:doc_nil`, `{:doc_cons, a, b}`, `{:doc_group, doc,
  mode}`, ...) and the same layout.

  A document is a binary (its width is its byte size), `:doc_nil`,
  `:doc_line` or one of these tuples:

      {:doc_string, string, width}      string/1
      {:doc_cons, left, right}          concat/2
      {:doc_nest, doc, indent, mode}    nest/3 (indent: n, :cursor, :reset;
                                        mode: :always, :break)
      {:doc_break, string, mode}        break/1 (:strict), flex_break/1 (:flex)
      {:doc_group, doc, mode}           group/2 (:self, :inherit)
      {:doc_fits, doc, mode}            next_break_fits/2 (:enabled, :disabled)
      {:doc_force, doc}                 force_unfit/1
      {:doc_collapse, max}              collapse_lines/1
      {:doc_color, doc, color}          color/3
      {:doc_limit, doc, :infinity}      no_limit/1

  `format/2` lays a document out: a group is printed flat when it fits
  in what is left of the line, else its strict breaks become newlines;
  a flex break becomes a newline only when the text up to the next break
  does not fit.
  """

  @container_separator ","
  @tail_separator " |"
  @newline "\n"
  @doc_tags [
    :doc_string,
    :doc_cons,
    :doc_nest,
    :doc_break,
    :doc_group,
    :doc_fits,
    :doc_force,
    :doc_collapse,
    :doc_color,
    :doc_limit
  ]

  @doc "Whether `doc` is a document (usable in guards)."
  defguard is_doc(doc)
           when is_binary(doc) or doc in [:doc_nil, :doc_line] or
                  (is_tuple(doc) and tuple_size(doc) > 1 and elem(doc, 0) in @doc_tags)

  ## Conversion

  @doc """
  The document of `term` under `opts`: the `inspect_fun` of `opts`
  (`Inspect.inspect/2` by default). A struct whose implementation raises
  is shown as an `Inspect.Error` (or, with `safe: false`, the error is
  raised); with `structs: false` a struct is shown as a map.
  """
  def to_doc(term, opts)

  def to_doc(%_{} = struct, %Inspect.Opts{} = opts) do
    if opts.structs do
      try do
        opts.inspect_fun.(struct, opts)
      rescue
        caught -> inspect_failed(struct, caught, __STACKTRACE__, opts)
      end
    else
      Inspect.Map.inspect(struct, opts)
    end
  end

  def to_doc(term, %Inspect.Opts{inspect_fun: fun} = opts), do: fun.(term, opts)

  # A struct's implementation raised `caught`. While the error itself is
  # being shown (its message may inspect the same struct), structs print
  # as maps.
  defp inspect_failed(struct, caught, stacktrace, opts) do
    if Process.get(:inspect_trap) do
      Inspect.Map.inspect(struct, opts)
    else
      result =
        try do
          Process.put(:inspect_trap, true)
          plain = %{opts | syntax_colors: [], inspect_fun: Inspect.Opts.default_inspect_fun()}

          shown =
            struct
            |> Inspect.Map.inspect(plain)
            |> format(opts.width)
            |> IO.iodata_to_binary()

          error =
            Inspect.Error.exception(exception: caught, stacktrace: stacktrace, inspected_struct: shown)

          if opts.safe do
            {:doc, Inspect.inspect(error, %{opts | inspect_fun: Inspect.Opts.default_inspect_fun()})}
          else
            {:raise, error}
          end
        after
          Process.delete(:inspect_trap)
        end

      # Raised out of the `try`: beamlet's `reraise` inside a `try ... after`
      # would add this function to the stack trace.
      case result do
        {:doc, doc} -> doc
        {:raise, error} -> reraise error, stacktrace
      end
    end
  end

  ## Building documents

  @doc "The empty document."
  def empty, do: :doc_nil

  @doc "A string document whose width is its length in graphemes (a binary counts bytes)."
  def string(string) when is_binary(string), do: {:doc_string, string, String.length(string)}

  @doc "`doc1` followed by `doc2`."
  def concat(doc1, doc2) when is_doc(doc1) and is_doc(doc2), do: {:doc_cons, doc1, doc2}

  @doc "The documents of `docs` one after another."
  def concat(docs) when is_list(docs), do: fold_doc(docs, &concat/2)

  @doc """
  `doc` with the lines it breaks into indented by `level` columns more,
  aligned with the current column (`:cursor`) or at column 0 (`:reset`).
  With `mode` `:break`, only when the enclosing group breaks.
  """
  def nest(doc, level, mode \\ :always)

  def nest(doc, :cursor, mode) when is_doc(doc) and mode in [:always, :break],
    do: {:doc_nest, doc, :cursor, mode}

  def nest(doc, :reset, mode) when is_doc(doc) and mode in [:always, :break],
    do: {:doc_nest, doc, :reset, mode}

  def nest(doc, 0, mode) when is_doc(doc) and mode in [:always, :break], do: doc

  def nest(doc, level, mode)
      when is_doc(doc) and is_integer(level) and level > 0 and mode in [:always, :break],
      do: {:doc_nest, doc, level, mode}

  @doc "A break: `string` when its group fits, else a newline."
  def break(string \\ " ") when is_binary(string), do: {:doc_break, string, :strict}

  @doc "A break that becomes a newline only when what follows up to the next break does not fit."
  def flex_break(string \\ " ") when is_binary(string), do: {:doc_break, string, :flex}

  @doc "`doc1` and `doc2` joined by `break(string)`."
  def glue(doc1, string \\ " ", doc2) when is_binary(string),
    do: concat(doc1, concat(break(string), doc2))

  @doc "`doc1` and `doc2` joined by `flex_break(string)`."
  def flex_glue(doc1, string \\ " ", doc2) when is_binary(string),
    do: concat(doc1, concat(flex_break(string), doc2))

  @doc "`doc1` and `doc2` joined by a space."
  def space(doc1, doc2), do: concat(doc1, concat(" ", doc2))

  @doc "A newline that is always taken."
  def line, do: :doc_line

  @doc "`doc1` and `doc2` on separate lines."
  def line(doc1, doc2), do: concat(doc1, concat(line(), doc2))

  @doc """
  A group: laid out flat when it fits, else its breaks are newlines.
  `:inherit` groups break whenever their parent breaks.
  """
  def group(doc, mode \\ :self) when is_doc(doc) and mode in [:self, :inherit],
    do: {:doc_group, doc, mode}

  @doc "Makes the groups around `doc` break."
  def force_unfit(doc) when is_doc(doc), do: {:doc_force, doc}

  @doc "The next break in `doc` is taken as fitting (`:enabled`), or not any more (`:disabled`)."
  def next_break_fits(doc, mode \\ :enabled) when is_doc(doc) and mode in [:enabled, :disabled],
    do: {:doc_fits, doc, mode}

  @doc "The newlines that follow collapse into at most `max`."
  def collapse_lines(max) when is_integer(max) and max > 0, do: {:doc_collapse, max}

  @doc "`doc` laid out as with an infinite width."
  def no_limit(doc) when is_doc(doc), do: {:doc_limit, doc, :infinity}

  @doc """
  `doc` colored with the color `opts.syntax_colors` gives `color_key`
  (followed by the `:reset` color), or `doc` as it is without one.
  """
  def color(doc, color_key, %Inspect.Opts{syntax_colors: colors}) when is_doc(doc) do
    case Keyword.fetch(colors, color_key) do
      {:ok, precolor} ->
        postcolor = Keyword.get(colors, :reset, :reset)
        concat({:doc_color, doc, precolor}, {:doc_color, empty(), postcolor})

      :error ->
        doc
    end
  end

  @doc "Folds `docs` from the right with `folder` (`empty()` when there are none)."
  def fold_doc(docs, folder) when is_list(docs) and is_function(folder, 2) do
    case :lists.reverse(docs) do
      [] -> :doc_nil
      [last | rest] -> :lists.foldl(fn doc, acc -> folder.(doc, acc) end, last, rest)
    end
  end

  @doc false
  @deprecated "Use a combination of concat/2 and nest/2 instead"
  def surround(left, doc, right) when is_doc(left) and is_doc(doc) and is_doc(right),
    do: concat(concat(left, nest(doc, 1)), right)

  @doc false
  @deprecated "Use Inspect.Algebra.container_doc/6 instead"
  def surround_many(left, docs, right, %Inspect.Opts{} = inspect_opts, fun, separator \\ ",")
      when is_doc(left) and is_list(docs) and is_doc(right) and is_function(fun, 2),
      do: container_doc(left, docs, right, inspect_opts, fun, separator: separator)

  @doc """
  The document of a collection between `left` and `right`, each element
  laid out by `fun.(element, opts)`, at most `opts.limit` of them (then
  `...`). Options: `:separator` (default `","`) and `:break` (`:strict`,
  `:flex`, or `:maybe`: flex breaks when every element is a plain string).
  An improper list's tail follows `" |"`.
  """
  def container_doc(left, collection, right, inspect_opts, fun, opts \\ [])
      when is_doc(left) and is_list(collection) and is_doc(right) and is_function(fun, 2) and
             is_list(opts) do
    case collection do
      [] ->
        concat(left, right)

      _ ->
        break = Keyword.get(opts, :break, :maybe)
        separator = Keyword.get(opts, :separator, @container_separator)

        {docs, simple?} =
          container_each(collection, inspect_opts.limit, inspect_opts, fun, [], break == :maybe)

        flex? = simple? or break == :flex
        docs = fold_doc(docs, &join(&1, &2, flex?, separator))

        if flex? do
          group(concat(concat(left, nest(docs, 1)), right))
        else
          group(glue(nest(glue(left, "", docs), 2), "", right))
        end
    end
  end

  defp container_each([], _limit, _opts, _fun, acc, simple?), do: {:lists.reverse(acc), simple?}

  defp container_each(_, 0, _opts, _fun, acc, simple?),
    do: {:lists.reverse(["..." | acc]), simple?}

  defp container_each([term | terms], limit, opts, fun, acc, simple?) when is_list(terms) do
    next = decrement(limit)
    doc = fun.(term, %{opts | limit: next})
    # An empty document takes no room, so it does not count toward the limit.
    limit = if doc == :doc_nil, do: limit, else: next
    container_each(terms, limit, opts, fun, [doc | acc], simple? and simple?(doc))
  end

  defp container_each([left | right], limit, opts, fun, acc, simple?) do
    limit = decrement(limit)
    left = fun.(left, %{opts | limit: limit})
    right = fun.(right, %{opts | limit: limit})
    simple? = simple? and simple?(left) and simple?(right)
    {:lists.reverse([join(left, right, simple?, @tail_separator) | acc]), simple?}
  end

  defp decrement(:infinity), do: :infinity
  defp decrement(counter), do: counter - 1

  defp join(:doc_nil, :doc_nil, _, _), do: :doc_nil
  defp join(left, :doc_nil, _, _), do: left
  defp join(:doc_nil, right, _, _), do: right
  defp join(left, right, true, sep), do: flex_glue(concat(left, sep), right)
  defp join(left, right, false, sep), do: glue(concat(left, sep), right)

  defp simple?({:doc_cons, left, right}), do: simple?(left) and simple?(right)
  defp simple?({:doc_color, doc, _}), do: simple?(doc)
  defp simple?({:doc_string, _, _}), do: true
  defp simple?(:doc_nil), do: true
  defp simple?(other), do: is_binary(other)

  ## Layout

  @doc """
  Lays `doc` out in `width` columns (`:infinity`: never breaks a group);
  returns iodata.
  """
  def format(doc, width) when is_doc(doc) and (width == :infinity or (is_integer(width) and width >= 0)) do
    layout(width, 0, [{0, :flat, doc}], nil, [])
  end

  # layout(width, column, stack, pending collapse, reversed output)
  #
  # The stack holds `{indent, mode, doc}` (mode `:flat` or `:break`) and
  # `{:width, w}` markers, which restore the width when a `no_limit`
  # document is done. A pending collapse `{max, indent, newlines}` holds
  # back the newlines that follow `collapse_lines/1` until the next text.
  defp layout(_w, _k, [], pending, acc), do: :lists.reverse(flush(pending, acc))

  defp layout(_w, k, [{:width, w} | t], pending, acc), do: layout(w, k, t, pending, acc)

  defp layout(w, k, [{i, m, doc} | t], pending, acc) do
    case doc do
      :doc_nil ->
        layout(w, k, t, pending, acc)

      :doc_line ->
        {pending, acc} = newline(pending, acc, i)
        layout(w, i, t, pending, acc)

      text when is_binary(text) ->
        {pending, acc} = text(pending, acc, text)
        layout(w, k + byte_size(text), t, pending, acc)

      {:doc_string, text, len} ->
        {pending, acc} = text(pending, acc, text)
        layout(w, k + len, t, pending, acc)

      {:doc_cons, x, y} ->
        layout(w, k, [{i, m, x}, {i, m, y} | t], pending, acc)

      {:doc_color, x, color} ->
        acc = [ansi(color) | flush(pending, acc)]
        layout(w, k, [{i, m, x} | t], nil, acc)

      {:doc_nest, x, j, mode} ->
        indent = if mode == :always or m == :break, do: nesting(i, k, j), else: i
        layout(w, k, [{indent, m, x} | t], pending, acc)

      {:doc_break, s, :flex} ->
        k2 = k + byte_size(s)

        if w == :infinity or m == :flat or fits?(w, k2, true, t) do
          {pending, acc} = text(pending, acc, s)
          layout(w, k2, t, pending, acc)
        else
          {pending, acc} = newline(pending, acc, i)
          layout(w, i, t, pending, acc)
        end

      {:doc_break, s, :strict} ->
        if m == :break do
          {pending, acc} = newline(pending, acc, i)
          layout(w, i, t, pending, acc)
        else
          {pending, acc} = text(pending, acc, s)
          layout(w, k + byte_size(s), t, pending, acc)
        end

      {:doc_group, x, :inherit} when m == :break ->
        layout(w, k, [{i, :break, x} | t], pending, acc)

      {:doc_group, x, _} ->
        mode = if w == :infinity or fits?(w, k, false, [{i, :flat, x}]), do: :flat, else: :break
        layout(w, k, [{i, mode, x} | t], pending, acc)

      {:doc_fits, x, _} ->
        layout(w, k, [{i, m, x} | t], pending, acc)

      # Forcing acts on the enclosing groups' fitting (see fits?/4).
      {:doc_force, x} ->
        layout(w, k, [{i, m, x} | t], pending, acc)

      {:doc_collapse, max} ->
        pending = pending || {max, i, 0}
        layout(w, k, t, pending, acc)

      # Laid out flat and as wide as it is, whatever the mode around it.
      {:doc_limit, x, _} when w == :infinity ->
        layout(w, k, [{i, :flat, x} | t], pending, acc)

      {:doc_limit, x, _} ->
        layout(:infinity, k, [{i, :flat, x}, {:width, w} | t], pending, acc)
    end
  end

  defp text(pending, acc, ""), do: {pending, acc}
  defp text(pending, acc, text), do: {nil, [text | flush(pending, acc)]}

  defp newline(nil, acc, i), do: {nil, [indent(i) | acc]}
  defp newline({max, indent, count}, acc, _i), do: {{max, indent, count + 1}, acc}

  defp flush(nil, acc), do: acc

  defp flush({max, i, count}, acc),
    do: [String.duplicate(@newline, min(max, count)) <> String.duplicate(" ", i) | acc]

  defp indent(0), do: @newline
  defp indent(i), do: @newline <> String.duplicate(" ", i)

  defp nesting(_i, k, :cursor), do: k
  defp nesting(_i, _k, :reset), do: 0
  defp nesting(i, _k, j), do: i + j

  # fits?(width, column, seen_break?, entries): whether what `entries`
  # print fits in `width`, up to the first newline. Text past the width
  # only fails once a break was seen since the group began (so a group
  # wider than the line but without breaks still counts as fitting).
  # Entries are `{indent, mode, doc}` with modes `:flat`, `:break`,
  # `:flat_no_break` (inside `next_break_fits(_, :disabled)`) and
  # `:break_no_flat` (inside `next_break_fits(_, :enabled)`: its first
  # break fits), and `{:tail, seen_break?}` / `{:width, w}` markers.
  defp fits?(w, k, true, _) when w != :infinity and k > w, do: false
  defp fits?(_w, _k, _b, []), do: true
  defp fits?(w, k, _b, [{:tail, b} | t]), do: fits?(w, k, b, t)
  defp fits?(_w, k, b, [{:width, w} | t]), do: fits?(w, k, b, t)

  defp fits?(w, k, b, [{i, m, doc} | t]) do
    case doc do
      {:doc_fits, x, :disabled} ->
        fits?(w, k, b, [{i, :flat_no_break, x} | t])

      {:doc_fits, x, :enabled} when m == :flat_no_break ->
        fits?(w, k, b, [{i, :flat_no_break, x} | t])

      {:doc_fits, x, :enabled} ->
        fits?(w, k, b, [{i, :break_no_flat, x} | t])

      {:doc_force, x} when m == :break_no_flat ->
        fits?(w, k, b, [{i, :break_no_flat, x} | t])

      {:doc_break, _, _} when m in [:break_no_flat, :break] ->
        true

      :doc_line when m in [:break_no_flat, :break] ->
        true

      :doc_line ->
        fits?(w, i, false, t)

      :doc_nil ->
        fits?(w, k, b, t)

      {:doc_collapse, _} ->
        fits?(w, i, b, t)

      {:doc_limit, x, _} ->
        fits?(:infinity, k, b, [{i, :flat, x}, {:width, w} | t])

      {:doc_nest, x, _, :break} ->
        fits?(w, k, b, [{i, m, x} | t])

      {:doc_nest, x, j, _} ->
        fits?(w, k, b, [{nesting(i, k, j), m, x} | t])

      {:doc_cons, x, y} ->
        fits?(w, k, b, [{i, m, x}, {i, m, y} | t])

      {:doc_color, x, _} ->
        fits?(w, k, b, [{i, m, x} | t])

      {:doc_string, _, len} ->
        fits?(w, k + len, b, t)

      text when is_binary(text) ->
        fits?(w, k + byte_size(text), b, t)

      {:doc_force, _} ->
        false

      {:doc_break, s, _} ->
        fits?(w, k + byte_size(s), true, t)

      {:doc_group, x, _} ->
        mode = if m in [:flat_no_break, :break_no_flat], do: m, else: :flat
        fits?(w, k, b, [{i, mode, x}, {:tail, b} | t])
    end
  end

  ## Colors (the ANSI escapes of IO.ANSI's names)

  @ansi_codes [
    reset: 0,
    bright: 1,
    faint: 2,
    italic: 3,
    underline: 4,
    blink_slow: 5,
    blink_rapid: 6,
    inverse: 7,
    reverse: 7,
    conceal: 8,
    crossed_out: 9,
    normal: 22,
    no_underline: 24,
    black: 30,
    red: 31,
    green: 32,
    yellow: 33,
    blue: 34,
    magenta: 35,
    cyan: 36,
    white: 37,
    default_color: 39,
    black_background: 40,
    red_background: 41,
    green_background: 42,
    yellow_background: 43,
    blue_background: 44,
    magenta_background: 45,
    cyan_background: 46,
    white_background: 47,
    default_background: 49,
    light_black: 90,
    light_red: 91,
    light_green: 92,
    light_yellow: 93,
    light_blue: 94,
    light_magenta: 95,
    light_cyan: 96,
    light_white: 97,
    light_black_background: 100,
    light_red_background: 101,
    light_green_background: 102,
    light_yellow_background: 103,
    light_blue_background: 104,
    light_magenta_background: 105,
    light_cyan_background: 106,
    light_white_background: 107
  ]

  defp ansi(color) when is_binary(color), do: color
  defp ansi(colors) when is_list(colors), do: Enum.map(colors, &ansi/1)

  defp ansi(color) when is_atom(color) do
    case Keyword.fetch(@ansi_codes, color) do
      {:ok, code} -> "\e[" <> Integer.to_string(code) <> "m"
      :error -> raise ArgumentError, "invalid ANSI sequence specification: #{inspect(color)}"
    end
  end
end
