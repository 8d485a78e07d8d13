defmodule Macro do
  @moduledoc """
  Functions for working with quoted code (Elixir's AST): walking it,
  escaping values into it, expanding macros in it and printing it.
  """

  import Kernel, except: [to_string: 1]

  ## Escaping

  @doc """
  Returns code that, when evaluated, builds `expr`.

  Options: `unquote: true` leaves `unquote/1` and `unquote_splicing/1`
  calls in `expr` to run (the value is a quoted fragment), and
  `prune_metadata: true` keeps only `:line` and `:no_parens` in the
  metadata of the escaped nodes.
  """
  def escape(expr, opts \\ []) when is_list(opts) do
    do_escape(expr, {option(opts, :unquote) == true, option(opts, :prune_metadata) == true})
  end

  defp option(opts, key) do
    case :lists.keyfind(key, 1, opts) do
      {^key, value} -> value
      false -> false
    end
  end

  # The state is {unquote?, prune_metadata?}.
  defp do_escape({:unquote, _, [expr]}, {true, _}), do: expr

  # A quote inside: its unquotes are its own (its options are ours).
  defp do_escape({:quote, meta, [body]}, {true, prune?}) do
    {:{}, [], [:quote, do_escape(meta, {true, false}), [do_escape(body, {false, prune?})]]}
  end

  defp do_escape({:quote, meta, [opts, body]}, {true, prune?} = state) do
    {:{}, [], [:quote, do_escape(meta, {true, false}), [do_escape(opts, state), do_escape(body, {false, prune?})]]}
  end

  # `left.unquote(name)` and `left.unquote(name)(args)`
  defp do_escape({{:., meta, [left, :unquote]}, _, [name]}, {true, _} = state) do
    escape_dot(meta, do_escape(left, state), name, nil)
  end

  defp do_escape({{{:., meta, [left, :unquote]}, _, [name]}, _, args}, {true, _} = state) when is_list(args) do
    escape_dot(meta, do_escape(left, state), name, do_escape(args, state))
  end

  # `{unquote_splicing(list), x}`: spliced as the elements of a tuple
  defp do_escape({left, right}, {true, _} = state) do
    if splicing?(left) or splicing?(right) do
      do_escape({:{}, [], [left, right]}, state)
    else
      {do_escape(left, state), do_escape(right, state)}
    end
  end

  defp do_escape({left, right}, state), do: {do_escape(left, state), do_escape(right, state)}

  defp do_escape({left, meta, right}, {_, true} = state) do
    {:{}, [], [do_escape(left, state), prune_meta(meta), do_escape(right, state)]}
  end

  defp do_escape(tuple, state) when is_tuple(tuple) do
    {:{}, [], escape_list(Tuple.to_list(tuple), state)}
  end

  defp do_escape(list, state) when is_list(list), do: escape_list(list, state)

  defp do_escape(map, state) when is_map(map) do
    {:%{}, [], escape_list(Map.to_list(map), state)}
  end

  defp do_escape(term, _state) when is_atom(term) or is_number(term) or is_binary(term) or is_pid(term) do
    term
  end

  # A bitstring that is not a binary: its first bits, then the bytes.
  defp do_escape(bits, _state) when is_bitstring(bits) do
    size = rem(bit_size(bits), 8)
    <<head::size(size), bytes::binary>> = bits
    {:<<>>, [], [{:"::", [], [head, {:size, [], [size]}]}, {:"::", [], [bytes, {:binary, [], []}]}]}
  end

  # Only remote functions, &Mod.fun/arity, have a quoted form.
  defp do_escape(fun, _state) when is_function(fun) do
    info = Function.info(fun)

    if info[:type] == :external and info[:env] == [] do
      remote = {{:., [], [info[:module], info[:name]]}, [no_parens: true], []}
      {:&, [], [{:/, [], [remote, info[:arity]]}]}
    else
      cannot_escape(fun)
    end
  end

  defp do_escape(other, _state), do: cannot_escape(other)

  defp cannot_escape(term) do
    raise ArgumentError,
          "cannot escape #{inspect(term)}. The supported values are: lists, tuples, maps, " <>
            "atoms, numbers, bitstrings, PIDs and remote functions in the format &Mod.fun/arity"
  end

  defp splicing?(tuple), do: is_tuple(tuple) and tuple_size(tuple) > 0 and elem(tuple, 0) == :unquote_splicing

  defp prune_meta(meta) when is_list(meta) do
    for {key, _} = pair <- meta, key == :line or key == :no_parens, do: pair
  end

  defp prune_meta(meta), do: :erlang.error({:bad_generator, meta})

  defp escape_dot(meta, left, name, args) do
    {{:., meta, [:elixir_quote, :dot]}, meta, [meta, left, name, args, nil]}
  end

  # Lists: with `unquote: true`, `unquote_splicing(list)` elements are
  # spliced in at run time (`:elixir_quote.list/2`), and a last
  # `unquote_splicing(list) | tail` element ends the list with `tail`.
  defp escape_list(list, {true, _} = state) do
    if proper_list?(list), do: escape_splicing(list, state), else: escape_improper(list, [], state)
  end

  defp escape_list(list, state), do: escape_improper(list, [], state)

  defp proper_list?([_ | rest]), do: proper_list?(rest)
  defp proper_list?(rest), do: rest == []

  # Without splicing; an improper tail becomes a `|` node: [a, {:|, [], [b, tail]}].
  defp escape_improper([], acc, _state), do: :lists.reverse(acc)

  defp escape_improper([last | tail], acc, state) when not is_list(tail) do
    :lists.reverse(acc, [{:|, [], [do_escape(last, state), do_escape(tail, state)]}])
  end

  defp escape_improper([head | rest], acc, state) do
    escape_improper(rest, [do_escape(head, state) | acc], state)
  end

  defp escape_splicing(list, state) do
    case :lists.reverse(list) do
      [{:|, meta, [{:unquote_splicing, _, [spliced]}, tail]} | init] ->
        prefix = escape_splicing(:lists.reverse(init), state)
        {{:., meta, [:elixir_quote, :tail_list]}, meta, [spliced, do_escape(tail, state), prefix]}

      reversed ->
        splice_from_right(reversed, [], nil, state)
    end
  end

  # `items` are escaped elements before `rest` (code of the list that
  # follows, or nil when nothing is spliced after them).
  defp splice_from_right([], items, rest, _state), do: splice_join(items, rest)

  defp splice_from_right([{:unquote_splicing, meta, [spliced]} | more], items, rest, state) do
    call = {{:., meta, [:elixir_quote, :list]}, meta, [spliced, splice_join(items, rest)]}
    splice_from_right(more, [], call, state)
  end

  defp splice_from_right([item | more], items, rest, state) do
    splice_from_right(more, [do_escape(item, state) | items], rest, state)
  end

  defp splice_join(items, nil), do: items
  defp splice_join([], rest), do: rest
  defp splice_join(items, rest), do: {{:., [], [:erlang, :++]}, [], [items, rest]}

  ## Expansion

  @doc "Expands the root of `ast` once (a macro, an alias, `__MODULE__`...)."
  def expand_once(ast, env), do: :beamlet_compiler.expand_once(ast, env)

  @doc "Expands the root of `ast` until it can no longer be expanded."
  def expand(ast, env), do: :beamlet_compiler.expand(ast, env)

  @doc """
  Expands the aliases of `ast` when it is a quoted literal
  (`quoted_literal?/1`); returns any other `ast` as it is.
  """
  def expand_literal(ast, env) do
    if quoted_literal?(ast) do
      prewalk(ast, fn
        {:__aliases__, _, _} = alias -> expand(alias, env)
        other -> other
      end)
    else
      ast
    end
  end

  @doc """
  The struct `module` defines, as a map, also while `module` is being
  compiled. Raises `CompileError` when `module` defines no struct.
  """
  def struct!(module, env) when is_atom(module) do
    defined =
      if Module.open?(module) do
        Module.get_attribute(module, :__struct__)
      end

    case defined do
      %{} ->
        defined

      _ ->
        Code.ensure_compiled(module)

        cond do
          function_exported?(module, :__struct__, 0) -> module.__struct__()
          struct = builtin_struct(module) -> struct
          true -> raise_no_struct(module, env)
        end
    end
  end

  defp raise_no_struct(module, env) do
    raise CompileError,
      file: env.file,
      line: env.line,
      description:
        "#{inspect(module)}.__struct__/0 is undefined, cannot expand struct #{inspect(module)}. " <>
          "Make sure the struct name is correct. If the struct name exists and is correct " <>
          "but it still cannot be found, you likely have cyclic module usage in your code"
  end

  # The exceptions the VM raises itself are structs without a module:
  # the compiler still knows them.
  defp builtin_struct(module) do
    {struct, _binding} = Code.eval_quoted({:%, [], [module, {:%{}, [], []}]})
    struct
  rescue
    CompileError -> nil
  end

  ## Printing

  @doc "Converts quoted code to its source text, as the formatter prints it."
  def to_string(ast), do: :beamlet_compiler.to_string(ast)

  @doc """
  Converts quoted code to a string, calling `fun.(node, string)` on each
  node with the text printed for it; what `fun` returns is used instead.
  (The printer of Elixir before the formatter: deprecated in Elixir.)
  """
  @deprecated "Use Macro.to_string/1 instead"
  def to_string(tree, fun), do: lts(tree, fun)

  # The legacy printer: `lts(node, fun)` is the string of a node, which
  # `fun` sees (with the node) before it is used.

  @legacy_unary [:!, :@, :^, :+, :-, :"~~~"]
  @legacy_blocks [:do, :rescue, :catch, :else, :after]

  # Variables
  defp lts({var, _, context} = ast, fun) when is_atom(var) and is_atom(context) do
    fun.(ast, Atom.to_string(var))
  end

  # Aliases
  defp lts({:__aliases__, _, refs} = ast, fun) do
    fun.(ast, Enum.map_join(refs, ".", &lts_alias_part(&1, fun)))
  end

  # Blocks
  defp lts({:__block__, _, [expr]} = ast, fun), do: fun.(ast, lts(expr, fun))

  defp lts({:__block__, _, _} = ast, fun) do
    fun.(ast, "(\n  " <> lts_indent(lts_block(ast, fun)) <> "\n)")
  end

  # Binaries: interpolated strings and bit syntax
  defp lts({:<<>>, _, parts} = ast, fun) do
    if lts_interpolated?(parts) do
      fun.(ast, "\"" <> lts_interpolate(parts, fun, &lts_escape(&1, ?")) <> "\"")
    else
      fun.(ast, "<<" <> Enum.map_join(parts, ", ", &lts_bitpart(&1, fun)) <> ">>")
    end
  end

  # Tuples, maps and structs
  defp lts({:{}, _, args} = ast, fun) do
    fun.(ast, "{" <> Enum.map_join(args, ", ", &lts(&1, fun)) <> "}")
  end

  defp lts({:%{}, _, args} = ast, fun) do
    fun.(ast, "%{" <> lts_map(args, fun) <> "}")
  end

  defp lts({:%, _, [name, map]} = ast, fun) do
    {:%{}, _, args} = map
    fun.(ast, "%" <> lts(name, fun) <> "{" <> lts_map(args, fun) <> "}")
  end

  # fn
  defp lts({:fn, _, [{:->, _, [_, body]}] = clauses} = ast, fun) do
    if lts_block_node?(body) do
      fun.(ast, "fn " <> lts_block(clauses, fun) <> "\nend")
    else
      fun.(ast, "fn " <> lts_arrow(hd(clauses), fun, "") <> " end")
    end
  end

  defp lts({:fn, _, clauses} = ast, fun) do
    fun.(ast, "fn\n  " <> lts_indent(lts_block(clauses, fun)) <> "\nend")
  end

  # Ranges
  defp lts({:.., _, [first, last]} = ast, fun) do
    fun.(ast, lts_operand(first, :.., :left, fun) <> ".." <> lts_operand(last, :.., :right, fun))
  end

  defp lts({:"..//", _, [first, last, step]} = ast, fun) do
    range = lts_operand(first, :.., :left, fun) <> ".." <> lts_operand(last, :.., :right, fun)
    fun.(ast, range <> "//" <> lts_operand(step, :"//", :right, fun))
  end

  # Sigils
  defp lts({name, meta, [{:<<>>, _, parts}, modifiers]} = ast, fun)
       when is_atom(name) and is_list(meta) and is_list(modifiers) do
    case Atom.to_string(name) do
      "sigil_" <> <<letter>> ->
        fun.(ast, lts_sigil(letter, meta, parts, modifiers, fun))

      _ ->
        lts_call(ast, fun)
    end
  end

  # Access
  defp lts({{:., _, [Access, :get]}, _, [left, right]} = ast, fun) do
    fun.(ast, lts_paren_if_operator(left, fun) <> lts([right], fun))
  end

  # Captures
  defp lts({:&, _, [int]} = ast, fun) when is_integer(int) do
    fun.(ast, "&" <> lts(int, fun))
  end

  defp lts({:&, _, [{:/, _, [{name, _, context}, arity]}]} = ast, fun)
       when is_atom(name) and is_atom(context) and is_integer(arity) do
    fun.(ast, "&" <> Atom.to_string(name) <> "/" <> lts(arity, fun))
  end

  defp lts({:&, _, [{:/, _, [{{:., _, [mod, name]}, _, []}, arity]}]} = ast, fun)
       when is_atom(name) and is_integer(arity) do
    fun.(ast, "&" <> lts(mod, fun) <> "." <> Atom.to_string(name) <> "/" <> lts(arity, fun))
  end

  defp lts({:&, _, [arg]} = ast, fun) do
    fun.(ast, "&(" <> lts(arg, fun) <> ")")
  end

  # not, not in and the other unary operators
  defp lts({:not, _, [{:in, _, [left, right]}]} = ast, fun) do
    fun.(ast, lts(left, fun) <> " not in " <> lts(right, fun))
  end

  defp lts({:not, _, [arg]} = ast, fun) do
    fun.(ast, "not(" <> lts(arg, fun) <> ")")
  end

  defp lts({op, _, [arg]} = ast, fun) when op in @legacy_unary do
    fun.(ast, Atom.to_string(op) <> lts_paren_if_operator(arg, fun))
  end

  # when: the patterns on the left, the guard on the right
  defp lts({:when, _, [left, right]} = ast, fun) do
    right =
      if right != [] and Keyword.keyword?(right),
        do: lts_kw(right, fun),
        else: fun.(ast, lts_operand(right, :when, :right, fun))

    fun.(ast, lts_operand(left, :when, :left, fun) <> " when " <> right)
  end

  defp lts({:when, _, args} = ast, fun) do
    {init, last} = lts_split_last(args)
    fun.(ast, "(" <> Enum.map_join(init, ", ", &lts(&1, fun)) <> ") when " <> lts(last, fun))
  end

  # Binary operators
  defp lts({op, _, [left, right]} = ast, fun) when is_atom(op) do
    if lts_binary_op?(op) do
      left = lts_operand(left, op, :left, fun)
      fun.(ast, left <> " " <> Atom.to_string(op) <> " " <> lts_operand(right, op, :right, fun))
    else
      lts_call(ast, fun)
    end
  end

  # Calls
  defp lts({_, _, args} = ast, fun) when is_list(args), do: lts_call(ast, fun)

  # Two-element tuples
  defp lts({left, right}, fun), do: lts({:{}, [], [left, right]}, fun)

  # Lists
  defp lts([] = list, fun), do: fun.(list, "[]")

  defp lts([{:->, _, [_, _]} | _] = clauses, fun) do
    fun.(clauses, "(" <> Enum.map_join(clauses, "; ", &lts_arrow(&1, fun, "()")) <> ")")
  end

  defp lts(list, fun) when is_list(list) do
    string =
      cond do
        lts_printable?(list) ->
          "'" <> lts_charlist_escape(list) <> "'"

        lts_keyword?(list) ->
          "[" <> lts_kw(list, fun) <> "]"

        true ->
          "[" <> Enum.map_join(list, ", ", &lts(&1, fun)) <> "]"
      end

    fun.(list, string)
  end

  # Everything else: atoms, numbers, strings...
  defp lts(other, fun), do: fun.(other, inspect(other, limit: :infinity, printable_limit: :infinity))

  ## Helpers of the legacy printer

  defp lts_alias_part(ref, _fun) when is_atom(ref), do: Atom.to_string(ref)
  defp lts_alias_part(ref, fun), do: lts(ref, fun)

  defp lts_block_node?({:__block__, _, _}), do: true
  defp lts_block_node?(_), do: false

  defp lts_indent(string), do: String.replace(string, "\n", "\n  ")

  # The body of a block, of a do/end keyword or the clauses of fn.
  defp lts_block([{:->, _, _} | _] = clauses, fun) do
    Enum.map_join(clauses, "\n", fn {:->, _, [args, body]} ->
      lts_clause_head(args, fun, "") <> "->\n  " <> lts_indent(lts_block(body, fun))
    end)
  end

  defp lts_block({:__block__, _, exprs}, fun), do: Enum.map_join(exprs, "\n", &lts(&1, fun))
  defp lts_block(other, fun), do: lts(other, fun)

  defp lts_arrow({:->, _, [args, body]}, fun, empty) do
    lts_clause_head(args, fun, empty) <> "-> " <> lts(body, fun)
  end

  defp lts_clause_head([], _fun, ""), do: ""
  defp lts_clause_head([], _fun, empty), do: empty <> " "
  defp lts_clause_head(args, fun, _empty), do: Enum.map_join(args, ", ", &lts(&1, fun)) <> " "

  defp lts_split_last([]), do: {[], []}

  defp lts_split_last(args) do
    [last | init] = :lists.reverse(args)
    {:lists.reverse(init), last}
  end

  # An argument of a unary operator (or the subject of an access) is
  # wrapped in parentheses when it is itself an operator call.
  defp lts_paren_if_operator({op, _, [_]} = arg, fun) do
    if operator?(op, 1), do: "(" <> lts(arg, fun) <> ")", else: lts(arg, fun)
  end

  defp lts_paren_if_operator({op, _, [_, _]} = arg, fun) do
    if operator?(op, 2), do: "(" <> lts(arg, fun) <> ")", else: lts(arg, fun)
  end

  defp lts_paren_if_operator(arg, fun), do: lts(arg, fun)

  # An operand of a binary operator, in parentheses when the precedence asks for them.
  defp lts_operand({op, _, [_, _]} = expr, parent, side, fun) when is_atom(op) do
    case lts_op_props(op) do
      {_, prec} ->
        {parent_assoc, parent_prec} = lts_op_props(parent)

        cond do
          parent_prec < prec -> lts(expr, fun)
          parent_prec > prec -> "(" <> lts(expr, fun) <> ")"
          parent_assoc == side -> lts(expr, fun)
          true -> "(" <> lts(expr, fun) <> ")"
        end

      nil ->
        lts(expr, fun)
    end
  end

  defp lts_operand(expr, _parent, _side, fun), do: lts(expr, fun)

  defp lts_binary_op?(op), do: op != :"//" and lts_op_props(op) != nil

  defp lts_op_props(op) do
    cond do
      op in [:<-, :\\] -> {:left, 40}
      op == :when -> {:right, 50}
      op == :"::" -> {:right, 60}
      op == :| -> {:right, 70}
      op == := -> {:right, 100}
      op in [:||, :|||, :or] -> {:left, 120}
      op in [:&&, :&&&, :and] -> {:left, 130}
      op in [:==, :!=, :=~, :===, :!==] -> {:left, 140}
      op in [:<, :>, :<=, :>=] -> {:left, 150}
      op in [:|>, :<<<, :>>>, :<<~, :~>>, :<~, :~>, :<~>, :"<|>"] -> {:left, 160}
      op == :in -> {:left, 170}
      op == :"^^^" -> {:left, 180}
      op == :"//" -> {:right, 190}
      op in [:++, :--, :.., :<>, :+++, :---] -> {:right, 200}
      op in [:+, :-] -> {:left, 210}
      op in [:*, :/] -> {:left, 220}
      op == :** -> {:left, 230}
      op == :. -> {:left, 310}
      true -> nil
    end
  end

  # Interpolation: string parts and #{...} parts.
  defp lts_interpolated?([]), do: false

  defp lts_interpolated?(parts) do
    Enum.all?(parts, fn
      bin when is_binary(bin) -> true
      {:"::", _, [{{:., _, [Kernel, :to_string]}, _, [_]}, {:binary, _, _}]} -> true
      _ -> false
    end)
  end

  defp lts_interpolate(parts, fun, escape) do
    Enum.map_join(parts, "", fn
      bin when is_binary(bin) ->
        escape.(bin)

      {:"::", _, [{{:., _, [Kernel, :to_string]}, _, [arg]}, {:binary, _, _}]} ->
        "\#{" <> lts(arg, fun) <> "}"
    end)
  end

  # The lists Erlang's io_lib prints as strings (latin1).
  defp lts_printable?([char | rest]) when char in 32..126 or char in 160..255, do: lts_printable?(rest)
  defp lts_printable?([char | rest]) when char in [?\n, ?\r, ?\t, ?\v, ?\b, ?\f, ?\e], do: lts_printable?(rest)
  defp lts_printable?([]), do: true
  defp lts_printable?(_), do: false

  defp lts_charlist_escape(list) do
    for char <- lts_charlist_escape(list, []), into: "", do: char
  end

  defp lts_charlist_escape([?#, ?{ | rest], acc), do: lts_charlist_escape(rest, ["\\\#{" | acc])
  defp lts_charlist_escape([char | rest], acc), do: lts_charlist_escape(rest, [lts_escape_char(char) | acc])
  defp lts_charlist_escape([], acc), do: :lists.reverse(acc)

  defp lts_escape_char(?'), do: "\\'"
  defp lts_escape_char(?\\), do: "\\\\"
  defp lts_escape_char(?\n), do: "\\n"
  defp lts_escape_char(?\t), do: "\\t"
  defp lts_escape_char(?\r), do: "\\r"
  defp lts_escape_char(?\v), do: "\\v"
  defp lts_escape_char(?\f), do: "\\f"
  defp lts_escape_char(?\b), do: "\\b"
  defp lts_escape_char(?\e), do: "\\e"
  defp lts_escape_char(char), do: <<char::utf8>>

  # Only the closing character is escaped.
  defp lts_escape(string, char) do
    for <<byte <- string>>, into: "", do: if(byte == char, do: <<?\\, byte>>, else: <<byte>>)
  end

  defp lts_bitpart(part, fun) do
    string =
      case part do
        {:"::", _, [left, right]} ->
          fun.(part, lts_operand(left, :"::", :left, fun) <> "::" <> lts_bitmods(right, fun))

        _ ->
          lts(part, fun)
      end

    # A part that starts with < or ends with > is put in parentheses.
    <<first, _::binary>> = string

    if first == ?< or binary_part(string, byte_size(string), -1) == ">" do
      "(" <> string <> ")"
    else
      string
    end
  end

  defp lts_bitmods({:-, _, [left, right]} = ast, fun) do
    fun.(ast, lts_bitmods(left, fun) <> "-" <> lts_bitmods(right, fun))
  end

  defp lts_bitmods({:*, _, [left, right]} = ast, fun) do
    fun.(ast, lts_bitmods(left, fun) <> "*" <> lts_bitmods(right, fun))
  end

  defp lts_bitmods(other, fun), do: lts_operand(other, :"::", :right, fun)

  defp lts_map([{:|, _, [map, updates]}], fun), do: lts(map, fun) <> " | " <> lts_map(updates, fun)

  defp lts_map(pairs, fun) do
    if lts_keyword?(pairs) do
      lts_kw(pairs, fun)
    else
      Enum.map_join(pairs, ", ", fn
        {key, value} -> lts(key, fun) <> " => " <> lts(value, fun)
        other -> lts(other, fun)
      end)
    end
  end

  defp lts_keyword?([{key, _} | rest]) when is_atom(key) do
    case Atom.to_string(key) do
      "Elixir." <> _ -> false
      _ -> lts_keyword?(rest)
    end
  end

  defp lts_keyword?([]), do: true
  defp lts_keyword?(_), do: false

  defp lts_kw(list, fun) do
    Enum.map_join(list, ", ", fn {key, value} -> inspect_atom(:key, key) <> " " <> lts(value, fun) end)
  end

  defp lts_sigil(letter, meta, parts, modifiers, fun) do
    mods = if modifiers == [], do: "", else: fun.(modifiers, List.to_string(modifiers))

    case Keyword.get(meta, :delimiter, "\"") do
      <<d, d, d>> = heredoc when d in [?", ?'] ->
        "~" <> <<letter>> <> heredoc <> "\n" <> lts_sigil_body(letter, parts, fun, & &1) <> heredoc <> mods

      delimiter ->
        close = lts_closing(delimiter)
        <<close_char, _::binary>> = close
        escape = fn bin -> lts_escape(bin, close_char) end
        "~" <> <<letter>> <> delimiter <> lts_sigil_body(letter, parts, fun, escape) <> close <> mods
    end
  end

  defp lts_sigil_body(letter, parts, _fun, _escape) when letter in ?A..?Z do
    Enum.map_join(parts, "", fn part ->
      true = is_binary(part)
      part
    end)
  end

  defp lts_sigil_body(_letter, parts, fun, escape), do: lts_interpolate(parts, fun, escape)

  defp lts_closing("("), do: ")"
  defp lts_closing("["), do: "]"
  defp lts_closing("{"), do: "}"
  defp lts_closing("<"), do: ">"
  defp lts_closing(other), do: other

  # `Foo.{Bar, Baz}`
  defp lts_call({{:., _, [left, :{}]}, _, args} = ast, fun) do
    fun.(ast, lts_call_target(left, fun) <> ".{" <> Enum.map_join(args, ", ", &lts(&1, fun)) <> "}")
  end

  # `foo.bar` without parentheses (only after a variable or a call).
  defp lts_call({{:., _, [left, right]}, meta, []} = ast, fun)
       when is_atom(right) and is_tuple(left) and tuple_size(left) == 3 do
    if Keyword.get(meta, :no_parens, false) == true do
      fun.(ast, lts_call_target(left, fun) <> "." <> inspect_atom(:remote_call, right))
    else
      lts_call_args(ast, fun)
    end
  end

  defp lts_call(ast, fun), do: lts_call_args(ast, fun)

  defp lts_call_args({target, _, args} = ast, fun) do
    {args, blocks} = lts_split_blocks(args)
    name = lts_call_name(target, fun)

    call =
      if blocks != nil and args == [] do
        name
      else
        name <> "(" <> lts_args(args, fun) <> ")"
      end

    fun.(ast, call <> lts_blocks(blocks, fun))
  end

  defp lts_call_name(target, _fun) when is_atom(target), do: Atom.to_string(target)

  defp lts_call_name({:., _, [left, right]}, fun) when is_atom(right) do
    lts_call_target(left, fun) <> "." <> inspect_atom(:remote_call, right)
  end

  defp lts_call_name({:., _, [left, right]}, fun), do: lts_call_target(left, fun) <> "." <> lts(right, fun)
  defp lts_call_name({:., _, [left]}, fun), do: lts_call_target(left, fun) <> "."
  defp lts_call_name(target, fun), do: lts(target, fun)

  defp lts_call_target(atom, _fun) when is_atom(atom), do: inspect_atom(:literal, atom)

  # What a remote or anonymous call is made on: fn, a capture and a call
  # with do/end blocks are put in parentheses.
  defp lts_call_target(target, fun) do
    string = lts(target, fun)

    wrap? =
      case target do
        {:fn, _, _} -> true
        {:&, _, [arg]} -> not is_integer(arg)
        {_, _, [_ | _] = args} -> lts_blocks?(List.last(args))
        _ -> false
      end

    if wrap?, do: "(" <> string <> ")", else: string
  end

  defp lts_split_blocks(args) do
    case :lists.reverse(args) do
      [last | init] -> if lts_blocks?(last), do: {:lists.reverse(init), last}, else: {args, nil}
      [] -> {args, nil}
    end
  end

  defp lts_blocks?([{:do, _} | _] = kw), do: Enum.all?(kw, &match?({key, _} when key in @legacy_blocks, &1))
  defp lts_blocks?(_), do: false

  defp lts_blocks(nil, _fun), do: ""

  # do/end and the other blocks, in this order whatever order they were given in.
  defp lts_blocks(blocks, fun) do
    body =
      Enum.map_join(@legacy_blocks, "", fn key ->
        case List.keyfind(blocks, key, 0) do
          {^key, value} -> Atom.to_string(key) <> "\n  " <> lts_indent(lts_block(value, fun)) <> "\n"
          nil -> ""
        end
      end)

    " " <> body <> "end"
  end

  # A last keyword list loses its brackets: foo(a, b: 1).
  defp lts_args(args, fun) do
    case :lists.reverse(args) do
      [last | init] when last != [] ->
        if lts_keyword?(last) do
          Enum.map_join(:lists.reverse(init), "", &(lts(&1, fun) <> ", ")) <> lts_kw(last, fun)
        else
          Enum.map_join(args, ", ", &lts(&1, fun))
        end

      _ ->
        Enum.map_join(args, ", ", &lts(&1, fun))
    end
  end

  ## Variables

  @doc "The AST of a variable named `var` in `context`."
  def var(var, context) when is_atom(var) and is_atom(context), do: {var, [], context}

  @doc "A variable with a unique counter, so it never clashes."
  def unique_var(var, context) when is_atom(var) and is_atom(context) do
    {var, [counter: :erlang.unique_integer()], context}
  end

  @doc "Generates `amount` argument variables in `context`."
  def generate_arguments(0, context) when is_atom(context), do: []

  def generate_arguments(amount, context) when is_integer(amount) and amount > 0 and is_atom(context) do
    for id <- 1..amount, do: {String.to_atom("arg" <> Integer.to_string(id)), [], context}
  end

  @doc "Generates `amount` unique argument variables in `context`."
  def generate_unique_arguments(0, context) when is_atom(context), do: []

  def generate_unique_arguments(amount, context) when is_integer(amount) and amount > 0 and is_atom(context) do
    for id <- 1..amount, do: unique_var(String.to_atom("arg" <> Integer.to_string(id)), context)
  end

  ## Traversal

  @doc "Walks `ast` depth-first, calling `fun` on each node before its children."
  def prewalk(ast, fun) when is_function(fun, 1) do
    elem(prewalk(ast, nil, fn x, nil -> {fun.(x), nil} end), 0)
  end

  def prewalk(ast, acc, fun) when is_function(fun, 2) do
    traverse(ast, acc, fun, fn x, a -> {x, a} end)
  end

  @doc "Walks `ast` depth-first, calling `fun` on each node after its children."
  def postwalk(ast, fun) when is_function(fun, 1) do
    elem(postwalk(ast, nil, fn x, nil -> {fun.(x), nil} end), 0)
  end

  def postwalk(ast, acc, fun) when is_function(fun, 2) do
    traverse(ast, acc, fn x, a -> {x, a} end, fun)
  end

  @doc "Walks `ast` calling `pre` before and `post` after each node's children."
  def traverse(ast, acc, pre, post) when is_function(pre, 2) and is_function(post, 2) do
    {ast, acc} = pre.(ast, acc)
    do_traverse(ast, acc, pre, post)
  end

  defp do_traverse({form, meta, args}, acc, pre, post) when is_atom(form) do
    {args, acc} = do_traverse_args(args, acc, pre, post)
    post.({form, meta, args}, acc)
  end

  defp do_traverse({form, meta, args}, acc, pre, post) do
    {form, acc} = pre.(form, acc)
    {form, acc} = do_traverse(form, acc, pre, post)
    {args, acc} = do_traverse_args(args, acc, pre, post)
    post.({form, meta, args}, acc)
  end

  defp do_traverse({left, right}, acc, pre, post) do
    {left, acc} = pre.(left, acc)
    {left, acc} = do_traverse(left, acc, pre, post)
    {right, acc} = pre.(right, acc)
    {right, acc} = do_traverse(right, acc, pre, post)
    post.({left, right}, acc)
  end

  defp do_traverse(list, acc, pre, post) when is_list(list) do
    {list, acc} = do_traverse_args(list, acc, pre, post)
    post.(list, acc)
  end

  defp do_traverse(x, acc, _pre, post), do: post.(x, acc)

  defp do_traverse_args(args, acc, _pre, _post) when is_atom(args), do: {args, acc}

  defp do_traverse_args(args, acc, pre, post) when is_list(args) do
    traverse_list(args, acc, pre, post, [])
  end

  defp traverse_list([], acc, _pre, _post, out), do: {:lists.reverse(out), acc}

  defp traverse_list([x | rest], acc, pre, post, out) do
    {x, acc} = pre.(x, acc)
    {x, acc} = do_traverse(x, acc, pre, post)
    traverse_list(rest, acc, pre, post, [x | out])
  end

  defp traverse_list(tail, acc, pre, post, out) do
    {tail, acc} = pre.(tail, acc)
    {tail, acc} = do_traverse(tail, acc, pre, post)
    {:lists.reverse(out, tail), acc}
  end

  @doc """
  An enumerable of the nodes of `ast` in depth-first pre-order (each
  node before its children), the order `prewalk/3` visits them in.
  """
  def prewalker(ast), do: fn acc, fun -> walk_pre([ast], acc, fun) end

  @doc """
  An enumerable of the nodes of `ast` in depth-first post-order (each
  node after its children), the order `postwalk/3` visits them in.
  """
  def postwalker(ast), do: fn acc, fun -> walk_post([{:enter, ast}], acc, fun) end

  # Both follow the Enumerable reduce protocol: {:cont, acc} goes on,
  # {:halt, acc} stops, {:suspend, acc} returns a continuation.
  defp walk_pre(_stack, {:halt, acc}, _fun), do: {:halted, acc}
  defp walk_pre(stack, {:suspend, acc}, fun), do: {:suspended, acc, &walk_pre(stack, &1, fun)}
  defp walk_pre([], {:cont, acc}, _fun), do: {:done, acc}

  defp walk_pre([node | stack], {:cont, acc}, fun) do
    walk_pre(children(node, stack), fun.(node, acc), fun)
  end

  defp walk_post(_stack, {:halt, acc}, _fun), do: {:halted, acc}
  defp walk_post(stack, {:suspend, acc}, fun), do: {:suspended, acc, &walk_post(stack, &1, fun)}
  defp walk_post([], {:cont, acc}, _fun), do: {:done, acc}

  defp walk_post([{:leave, node} | stack], {:cont, acc}, fun) do
    walk_post(stack, fun.(node, acc), fun)
  end

  defp walk_post([{:enter, node} | stack], acc, fun) do
    entered = for child <- children(node, []), do: {:enter, child}
    walk_post(entered ++ [{:leave, node} | stack], acc, fun)
  end

  # The children of a node, in the order the walks visit them, before
  # `rest` (arguments that are not a proper list raise, as in Elixir).
  defp children({form, _, args}, rest) when is_atom(form), do: call_args(args, rest)
  defp children({form, _, args}, rest), do: [form | call_args(args, rest)]
  defp children({left, right}, rest), do: [left, right | rest]
  defp children(list, rest) when is_list(list), do: list ++ rest
  defp children(_other, rest), do: rest

  defp call_args(args, rest) when is_atom(args), do: rest
  defp call_args(args, rest), do: args ++ rest

  @doc """
  The path from the first node (in pre-order) of `ast` for which `fun`
  returns a truthy value up to the root: `[node, parent, ..., ast]`, or
  `nil` when there is none.
  """
  def path(ast, fun) when is_function(fun, 1), do: path_node(ast, [], fun)

  defp path_node(ast, parents, fun) do
    if fun.(ast) do
      [ast | parents]
    else
      case ast do
        {form, _, args} when is_atom(form) -> path_args(args, [ast | parents], fun)
        {form, _, args} -> path_node(form, [ast | parents], fun) || path_args(args, [ast | parents], fun)
        {left, right} -> path_node(left, [ast | parents], fun) || path_node(right, [ast | parents], fun)
        list when is_list(list) -> path_list(list, [ast | parents], fun)
        _ -> nil
      end
    end
  end

  defp path_args(args, _parents, _fun) when is_atom(args), do: nil
  defp path_args(args, parents, fun) when is_list(args), do: path_list(args, parents, fun)

  defp path_list([], _parents, _fun), do: nil
  defp path_list([item | items], parents, fun), do: path_node(item, parents, fun) || path_list(items, parents, fun)

  ## Calls and pipes

  @doc """
  Breaks a call into its remote part (when there is one), its name and
  its arguments: `{name, args}` or `{remote, name, args}`, or `:error`.
  """
  def decompose_call({:{}, _, args}) when is_list(args), do: :error

  def decompose_call({{:., _, [remote, function]}, _, args}) when is_tuple(remote) or is_atom(remote),
    do: {remote, function, args}

  def decompose_call({name, _, args}) when is_atom(name) and is_atom(args), do: {name, []}
  def decompose_call({name, _, args}) when is_atom(name) and is_list(args), do: {name, args}
  def decompose_call(_), do: :error

  @doc """
  Pipes `expr` into the call `call_args` as its argument at `position`
  (negative positions count from the end), the way `|>` does.
  """
  def pipe(expr, {:&, _, _} = call_args, _position), do: raise(ArgumentError, bad_pipe(expr, call_args))

  def pipe(expr, {form, _, _} = call_args, _position) when form in [:{}, :%{}, :__aliases__, :<<>>] do
    raise ArgumentError, bad_pipe(expr, call_args)
  end

  def pipe(expr, {form, _, []}, _position) when form in [:unquote, :unquote_splicing] do
    raise ArgumentError,
          "cannot pipe #{to_string(expr)} into the special form #{form}/1 " <>
            "since #{form}/1 is used to build the Elixir AST itself"
  end

  def pipe(expr, {:fn, _, _}, _position) do
    raise ArgumentError,
          "cannot pipe #{to_string(expr)} into an anonymous function without calling the function; " <>
            "use Kernel.then/2 instead or define the anonymous function as a regular private function"
  end

  def pipe(expr, {call, meta, context}, position) when is_atom(context) do
    {call, meta, insert_arg([], position, expr)}
  end

  def pipe(_expr, {sign, _, [arg]}, _position) when sign in [:+, :-] do
    raise ArgumentError,
          "piping into a unary operator is not supported, please use the qualified name: " <>
            "Kernel.#{sign}(#{to_string(arg)}), instead of #{sign}#{to_string(arg)}"
  end

  def pipe(expr, {call, meta, args} = call_args, position) when is_list(args) do
    cond do
      is_atom(call) and operator?(call, 1) ->
        raise ArgumentError,
              "cannot pipe #{to_string(expr)} into #{to_string(call_args)}, " <>
                "the #{inspect(call)} operator can only take one argument"

      is_atom(call) and operator?(call, 2) ->
        raise ArgumentError,
              "cannot pipe #{to_string(expr)} into #{to_string(call_args)}, " <>
                "the #{inspect(call)} operator can only take two arguments"

      true ->
        {call, meta, insert_arg(args, position, expr)}
    end
  end

  def pipe(expr, call_args, _position), do: raise(ArgumentError, bad_pipe(expr, call_args))

  defp bad_pipe(expr, call_args) do
    "cannot pipe #{to_string(expr)} into #{to_string(call_args)}, " <>
      "can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()"
  end

  # List.insert_at/3: a negative index counts from the end (-1 appends).
  defp insert_arg(list, index, value) when is_integer(index) and index < 0 do
    count = length(list) + index + 1
    if count < 0, do: [value | list], else: insert_arg(list, count, value)
  end

  defp insert_arg(list, 0, value) when is_list(list), do: [value | list]
  defp insert_arg([], index, value) when is_integer(index), do: [value]
  defp insert_arg([head | tail], index, value) when is_integer(index), do: [head | insert_arg(tail, index - 1, value)]

  @doc "Breaks a pipeline into `[{expr, position}]`."
  def unpipe(expr), do: :lists.reverse(unpipe(expr, []))

  defp unpipe({:|>, _, [left, right]}, acc), do: unpipe(right, unpipe(left, acc))
  defp unpipe(other, acc), do: [{other, 0} | acc]

  @doc "Applies `fun` to the meta of a node."
  def update_meta({left, meta, right}, fun) when is_list(meta), do: {left, fun.(meta), right}
  def update_meta(other, _fun), do: other

  ## Classification

  @doc "Whether `name/arity` is an operator."
  def operator?(name, 2) when is_atom(name) do
    name in [:===, :!==, :==, :!=, :<=, :>=, :&&, :||, :<>, :++, :--, :\\, :"::", :<-, :.., :|>, :=~,
             :<, :>, :+, :-, :*, :/, :=, :|, :., :and, :or, :when, :in, :"~>>", :"<<~", :"~>", :"<~",
             :"<~>", :"<|>", :"<<<", :">>>", :"|||", :"&&&", :"^^^", :"+++", :"---", :**]
  end

  def operator?(name, 1) when is_atom(name), do: name in [:+, :-, :!, :^, :not, :&, :@, :"~~~"]
  def operator?(:.., 0), do: true
  def operator?(:"..//", 3), do: true
  def operator?(name, arity) when is_atom(name) and is_integer(arity), do: false

  @doc "Whether `name/arity` is a special form."
  def special_form?(name, arity) when is_atom(name) and is_integer(arity) do
    {name, arity} in [
      {:%, 2}, {:%{}, -1}, {:&, 1}, {:., 2}, {:"::", 2}, {:<<>>, -1}, {:=, 2}, {:^, 1},
      {:__CALLER__, 0}, {:__DIR__, 0}, {:__ENV__, 0}, {:__MODULE__, 0}, {:__STACKTRACE__, 0},
      {:__aliases__, -1}, {:__block__, -1}, {:alias, 1}, {:alias, 2}, {:case, 2}, {:cond, 1},
      {:fn, -1}, {:for, -1}, {:import, 1}, {:import, 2}, {:quote, 1}, {:quote, 2},
      {:receive, 1}, {:require, 1}, {:require, 2}, {:super, -1}, {:try, 1}, {:unquote, 1},
      {:unquote_splicing, 1}, {:with, -1}, {:{}, -1}
    ] or name in [:%{}, :<<>>, :__aliases__, :__block__, :fn, :for, :super, :with, :{}]
  end

  @doc "Whether `term` is a quoted literal: one that evaluates to itself, aliases included."
  def quoted_literal?({:__aliases__, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:%, _, [left, right]}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?({:%{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({left, right}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?(list) when is_list(list), do: :lists.all(&quoted_literal?/1, list)
  def quoted_literal?(term), do: is_atom(term) or is_number(term) or is_binary(term)

  @doc """
  Validates quoted code: `:ok`, or `{:error, remainder}` with the first
  part of it that is not valid quoted code.
  """
  def validate(expr) do
    case find_invalid(expr) do
      nil -> :ok
      {:error, _} = error -> error
    end
  end

  defp find_invalid({left, right}), do: find_invalid(left) || find_invalid(right)

  defp find_invalid({left, meta, right}) when is_list(meta) and (is_atom(right) or is_list(right)),
    do: find_invalid(left) || find_invalid(right)

  defp find_invalid(list) when is_list(list), do: Enum.find_value(list, &find_invalid/1)
  defp find_invalid(pid) when is_pid(pid), do: nil
  defp find_invalid(atom) when is_atom(atom), do: nil
  defp find_invalid(num) when is_number(num), do: nil
  defp find_invalid(bin) when is_binary(bin), do: nil

  defp find_invalid(fun) when is_function(fun) do
    if Function.info(fun, :env) == {:env, []} and Function.info(fun, :type) == {:type, :external} do
      nil
    else
      {:error, fun}
    end
  end

  defp find_invalid(other), do: {:error, other}

  ## Atoms

  @doc """
  Inspects `atom` the way it is written as a literal (`:literal`), as
  a keyword or map key (`:key`) or as the name of a remote call
  (`:remote_call`).
  """
  def inspect_atom(:literal, atom) when is_nil(atom) or is_boolean(atom), do: Atom.to_string(atom)

  def inspect_atom(:literal, atom) when is_atom(atom) do
    case classify_atom(atom) do
      :alias ->
        case Atom.to_string(atom) do
          "Elixir." <> rest -> rest
          "Elixir" -> "Elixir"
        end

      :quoted ->
        ":" <> quote_atom(atom)

      _ ->
        ":" <> Atom.to_string(atom)
    end
  end

  def inspect_atom(:key, atom) when is_atom(atom) do
    case classify_atom(atom) do
      :alias -> quote_atom(atom) <> ":"
      :quoted -> quote_atom(atom) <> ":"
      _ -> Atom.to_string(atom) <> ":"
    end
  end

  def inspect_atom(:remote_call, atom) when is_atom(atom) do
    case inner_classify(atom) do
      type when type in [:identifier, :unquoted_operator, :quoted_operator] -> Atom.to_string(atom)
      _ -> quote_atom(atom)
    end
  end

  defp quote_atom(atom), do: inspect(Atom.to_string(atom))

  @doc """
  Classifies `atom` by where it can appear in code unquoted: `:alias`,
  `:identifier` (a variable or local call name), `:unquoted` (an
  unquoted atom, like operators and `foo@bar`) or `:quoted`.
  """
  def classify_atom(atom) when is_atom(atom) do
    case inner_classify(atom) do
      :alias -> :alias
      :identifier -> :identifier
      type when type in [:unquoted_operator, :not_callable] -> :unquoted
      _ -> :quoted
    end
  end

  defp inner_classify(atom) do
    cond do
      atom in [:%, :%{}, :{}, :<<>>, :..., :.., :., :"..//", :->] -> :not_callable
      atom in [:"::", :"^^^", :"~~~", :"<|>"] -> :quoted_operator
      operator?(atom, 1) or operator?(atom, 2) -> :unquoted_operator
      true -> classify_string(Atom.to_string(atom))
    end
  end

  defp classify_string("Elixir"), do: :alias

  defp classify_string("Elixir." <> rest) do
    if Enum.all?(String.split(rest, "."), &alias_segment?/1), do: :alias, else: :other
  end

  defp classify_string(string) do
    case ascii_atom(string, :start, false) do
      :non_ascii -> classify_unicode(string)
      other -> other
    end
  end

  # The tokenizer's rules for ASCII atoms: `foo`, `foo?` (:identifier),
  # `Foo`, `foo@bar` (:not_callable, they print unquoted), else :other.
  defp ascii_atom(<<c, rest::binary>>, :start, _at) when c in ?a..?z or c == ?_, do: ascii_atom(rest, :lower, false)
  defp ascii_atom(<<c, rest::binary>>, :start, _at) when c in ?A..?Z, do: ascii_atom(rest, :upper, false)
  defp ascii_atom(<<c, _::binary>>, _state, _at) when c >= 128, do: :non_ascii
  defp ascii_atom(<<c, rest::binary>>, state, at) when state != :start and (c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c == ?_), do: ascii_atom(rest, state, at)
  defp ascii_atom(<<?@, rest::binary>>, state, _at) when state != :start, do: ascii_atom(rest, state, true)
  defp ascii_atom(<<c>>, state, at) when state != :start and c in [??, ?!], do: ascii_atom(<<>>, state, at)
  defp ascii_atom(<<>>, :lower, false), do: :identifier
  defp ascii_atom(<<>>, state, _at) when state != :start, do: :not_callable
  defp ascii_atom(string, _state, _at), do: if(ascii?(string), do: :other, else: :non_ascii)

  defp ascii?(<<c, rest::binary>>) when c < 128, do: ascii?(rest)
  defp ascii?(<<>>), do: true
  defp ascii?(_), do: false

  # Atoms with other characters: inspect/1 knows the Unicode rules.
  defp classify_unicode(string) do
    case inspect(String.to_atom(string)) do
      ":\"" <> _ ->
        :other

      _ ->
        first = String.first(string)

        cond do
          String.contains?(string, "@") -> :not_callable
          String.downcase(first) != first -> :not_callable
          true -> :identifier
        end
    end
  end

  defp alias_segment?(<<first, rest::binary>>) when first in ?A..?Z, do: ascii_word?(rest)
  defp alias_segment?(_), do: false

  defp ascii_word?(<<c, rest::binary>>) when c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c == ?_, do: ascii_word?(rest)
  defp ascii_word?(<<>>), do: true
  defp ascii_word?(_), do: false

  ## Strings

  @doc """
  Unescapes the escapes of a string the way Elixir's double-quoted
  strings do: `\\0`, `\\a`, `\\b`, `\\d`, `\\e`, `\\f`, `\\n`, `\\r`, `\\s`,
  `\\t`, `\\v`, `\\xHH`, `\\uHHHH`, `\\u{H*}` and a backslash before a newline.
  """
  def unescape_string(string) when is_binary(string), do: unescape_string(string, &unescape_map/1)

  @doc """
  Unescapes `string` with `map`: `map.(char)` gives the character an
  escaped `char` stands for (or `false` to keep the backslash), and
  `map.(:newline)`, `map.(:unicode)`, `map.(:hex)` say whether a
  backslash before a newline, `\\u` and `\\x` escapes are unescaped.
  """
  def unescape_string(string, map) when is_binary(string) and is_function(map, 1) do
    unescape(string, map, "")
  end

  @doc false
  @deprecated "Traverse over the arguments using Enum.map/2 instead"
  def unescape_tokens(tokens), do: unescape_tokens(tokens, &unescape_map/1)

  @doc false
  @deprecated "Traverse over the arguments using Enum.map/2 instead"
  def unescape_tokens(tokens, map) when is_list(tokens) and is_function(map, 1) do
    for token <- tokens, do: if(is_binary(token), do: unescape_string(token, map), else: token)
  end

  defp unescape_map(?0), do: 0
  defp unescape_map(?a), do: ?\a
  defp unescape_map(?b), do: ?\b
  defp unescape_map(?d), do: ?\d
  defp unescape_map(?e), do: ?\e
  defp unescape_map(?f), do: ?\f
  defp unescape_map(?n), do: ?\n
  defp unescape_map(?r), do: ?\r
  defp unescape_map(?s), do: ?\s
  defp unescape_map(?t), do: ?\t
  defp unescape_map(?v), do: ?\v
  defp unescape_map(:newline), do: true
  defp unescape_map(:unicode), do: true
  defp unescape_map(:hex), do: true
  defp unescape_map(char), do: char

  defp unescape(<<?\\, ?\n, rest::binary>>, map, acc) do
    if map.(:newline), do: unescape(rest, map, acc), else: unescape(rest, map, acc <> "\\\n")
  end

  defp unescape(<<?\\, ?\r, ?\n, rest::binary>>, map, acc) do
    if map.(:newline), do: unescape(rest, map, acc), else: unescape(rest, map, acc <> "\\\r\n")
  end

  defp unescape(<<?\\, ?x, rest::binary>>, map, acc) do
    if map.(:hex), do: unescape_hex(rest, map, acc), else: unescape(rest, map, acc <> "\\x")
  end

  defp unescape(<<?\\, ?u, rest::binary>>, map, acc) do
    if map.(:unicode), do: unescape_unicode(rest, map, acc), else: unescape(rest, map, acc <> "\\u")
  end

  defp unescape(<<?\\, char, rest::binary>>, map, acc) do
    case map.(char) do
      false -> unescape(rest, map, <<acc::binary, ?\\, char>>)
      value -> unescape(rest, map, <<acc::binary, value>>)
    end
  end

  defp unescape(<<char, rest::binary>>, map, acc), do: unescape(rest, map, <<acc::binary, char>>)
  defp unescape(<<>>, _map, acc), do: acc

  # \xHH is a byte (\xH too, deprecated); \x{H*} a code point (deprecated).
  defp unescape_hex(<<?{, rest::binary>>, map, acc) do
    case hex_digits(rest, 6) do
      {digits, <<?}, rest::binary>>} when digits != "" ->
        unescape_deprecated("\\x{H*}")
        unescape(rest, map, acc <> code_point(String.to_integer(digits, 16)))

      _ ->
        raise ArgumentError, "invalid hex escape character, expected \\xHH where H is a hexadecimal digit"
    end
  end

  defp unescape_hex(rest, map, acc) do
    case hex_digits(rest, 2) do
      {"", _} ->
        raise ArgumentError, "invalid hex escape character, expected \\xHH where H is a hexadecimal digit"

      {digits, rest} ->
        if byte_size(digits) == 1, do: unescape_deprecated("\\xH")
        unescape(rest, map, <<acc::binary, String.to_integer(digits, 16)>>)
    end
  end

  defp unescape_unicode(<<?{, rest::binary>>, map, acc) do
    case hex_digits(rest, 6) do
      {digits, <<?}, rest::binary>>} when digits != "" ->
        unescape(rest, map, acc <> code_point(String.to_integer(digits, 16)))

      _ ->
        invalid_unicode()
    end
  end

  defp unescape_unicode(rest, map, acc) do
    case hex_digits(rest, 4) do
      {digits, rest} when byte_size(digits) == 4 -> unescape(rest, map, acc <> code_point(String.to_integer(digits, 16)))
      _ -> invalid_unicode()
    end
  end

  defp invalid_unicode do
    raise ArgumentError, "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit"
  end

  defp code_point(cp) when cp in 0xD800..0xDFFF or cp > 0x10FFFF do
    raise ArgumentError, "invalid or reserved Unicode code point \\u{#{Integer.to_string(cp, 16)}}"
  end

  defp code_point(cp), do: <<cp::utf8>>

  defp hex_digits(string, max), do: hex_digits(string, max, "")

  defp hex_digits(<<c, rest::binary>>, max, acc) when max > 0 and (c in ?0..?9 or c in ?a..?f or c in ?A..?F),
    do: hex_digits(rest, max - 1, <<acc::binary, c>>)

  defp hex_digits(rest, _max, acc), do: {acc, rest}

  defp unescape_deprecated(form) do
    IO.write(:stderr, "warning: #{form} inside strings/sigils/chars is deprecated, please use \\xHH (byte) or \\uHHHH (code point) instead\n")
  end

  @doc "Converts `CamelCase` to `camel_case`."
  def underscore(atom) when is_atom(atom) do
    case Atom.to_string(atom) do
      "Elixir." <> rest -> underscore(rest)
      other -> underscore(other)
    end
  end

  def underscore(string) when is_binary(string) do
    case String.to_charlist(string) do
      [] -> ""
      [h | t] -> List.to_string([to_lower_char(h) | do_underscore(t, h)])
    end
  end

  defp do_underscore([h, t | rest], _)
       when h >= ?A and h <= ?Z and not (t >= ?A and t <= ?Z) and not (t >= ?0 and t <= ?9) and t != ?. and t != ?_ do
    [?_, to_lower_char(h), t | do_underscore(rest, t)]
  end

  defp do_underscore([h | t], prev) when h >= ?A and h <= ?Z and not (prev >= ?A and prev <= ?Z) and prev != ?_ do
    [?_, to_lower_char(h) | do_underscore(t, h)]
  end

  defp do_underscore([?. | t], _), do: [?/ | String.to_charlist(underscore(List.to_string(t)))]
  defp do_underscore([h | t], _), do: [to_lower_char(h) | do_underscore(t, h)]
  defp do_underscore([], _), do: []

  @doc "Converts `camel_case` to `CamelCase`."
  def camelize(string) when is_binary(string) do
    List.to_string(do_camelize_start(String.to_charlist(string)))
  end

  defp do_camelize_start([]), do: []
  defp do_camelize_start([?_ | t]), do: do_camelize_start(t)
  defp do_camelize_start([h | t]), do: [to_upper_char(h) | do_camelize(t)]

  defp do_camelize([?_, ?_ | t]), do: do_camelize([?_ | t])
  defp do_camelize([?_, h | t]) when h >= ?a and h <= ?z, do: [to_upper_char(h) | do_camelize(t)]
  defp do_camelize([?_, h | t]) when h >= ?0 and h <= ?9, do: [h | do_camelize(t)]
  defp do_camelize([?_]), do: []
  defp do_camelize([?/ | t]), do: [?. | do_camelize_start(t)]
  defp do_camelize([h | t]), do: [h | do_camelize(t)]
  defp do_camelize([]), do: []

  defp to_upper_char(char) when char >= ?a and char <= ?z, do: char - 32
  defp to_upper_char(char), do: char
  defp to_lower_char(char) when char >= ?A and char <= ?Z, do: char + 32
  defp to_lower_char(char), do: char

  ## dbg

  @doc """
  The code `dbg/2` expands to: it runs `code` and prints it with its value
  (each step of a pipeline with the value so far) under a header naming
  where it is, then returns the value. `print_location: false` leaves the
  header out; the other options go to `inspect/2`.
  """
  def dbg(code, options, %Macro.Env{} = env) do
    header = dbg_header(env)

    case code do
      {:|>, _, _} ->
        [{first, 0} | stages] = unpipe(code)
        var = Macro.var(:dbg_value, __MODULE__)

        steps =
          Enum.map(stages, fn {stage, _} ->
            {"|> " <> to_string(stage), {:fn, [], [{:->, [], [[var], pipe(var, stage, 0)]}]}}
          end)

        quote do
          unquote(__MODULE__).__dbg_pipe__(
            unquote(header),
            {unquote(to_string(first)), unquote(first)},
            unquote(steps),
            unquote(options)
          )
        end

      _ ->
        quote do
          unquote(__MODULE__).__dbg__(
            unquote(header),
            unquote(to_string(code)),
            unquote(code),
            unquote(options)
          )
        end
    end
  end

  defp dbg_header(env) do
    where =
      case env.function do
        {name, arity} -> Exception.format_mfa(env.module, name, arity)
        nil -> "(file)"
      end

    "[" <> Path.relative_to_cwd(env.file) <> ":" <> Integer.to_string(env.line) <> ": " <> where <> "]"
  end

  @doc false
  def __dbg__(header, string, value, options) do
    {header, options} = dbg_location(header, options)
    IO.write([header, dbg_line(string, value, options), "\n"])
    value
  end

  @doc false
  def __dbg_pipe__(header, {string, value}, steps, options) do
    {header, options} = dbg_location(header, options)

    {lines, value} =
      Enum.reduce(steps, {[dbg_line(string, value, options)], value}, fn {string, fun}, {lines, acc} ->
        next = fun.(acc)
        {[dbg_line(string, next, options) | lines], next}
      end)

    IO.write([header, Enum.reverse(lines), "\n"])
    value
  end

  defp dbg_location(header, options) do
    {print?, options} = Keyword.pop(options, :print_location, true)
    {if(print?, do: header <> "\n", else: ""), options}
  end

  defp dbg_line(string, value, options) do
    [string, " #=> ", inspect(value, Keyword.merge([pretty: true, width: 80], options)), "\n"]
  end
end
