defmodule Macro do
  @moduledoc """
  Functions for working with quoted code (Elixir's AST): walking it,
  escaping values into it, expanding macros in it and printing it.
  """

  @doc "Returns code that, when evaluated, builds `expr`."
  def escape(expr, opts \\ []) do
    :beamlet_compiler.escape(expr, Keyword.get(opts, :unquote, false))
  end

  @doc "Expands the root of `ast` once (a macro, an alias, `__MODULE__`...)."
  def expand_once(ast, env), do: :beamlet_compiler.expand_once(ast, env)

  @doc "Expands the root of `ast` until it can no longer be expanded."
  def expand(ast, env), do: :beamlet_compiler.expand(ast, env)

  @doc "Converts quoted code to its source text, as the formatter prints it."
  def to_string(ast), do: :beamlet_compiler.to_string(ast)

  @doc false
  def to_string(ast, fun) when is_function(fun, 2) do
    fun.(ast, to_string(ast))
  end

  @doc "The AST of a variable named `var` in `context`."
  def var(var, context) when is_atom(var) and is_atom(context), do: {var, [], context}

  @doc "A variable with a unique counter, so it never clashes."
  def unique_var(var, context) when is_atom(var) and is_atom(context) do
    {var, [counter: :erlang.unique_integer()], context}
  end

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

  @doc "Breaks a call into its name (or `{module, name}` part) and arguments."
  def decompose_call({{:., _, [remote, function]}, _, args}) when is_tuple(remote) or is_atom(remote),
    do: {remote, function, args}

  def decompose_call({name, _, args}) when is_atom(name) and is_atom(args), do: {name, []}
  def decompose_call({name, _, args}) when is_atom(name) and is_list(args), do: {name, args}
  def decompose_call(_), do: :error

  @doc "Inserts `expr` as the argument at `position` of the call `call_args`."
  def pipe(expr, {:&, _, _} = call_args, _integer) do
    raise ArgumentError, "cannot pipe #{to_string(expr)} into #{to_string(call_args)}"
  end

  def pipe(expr, {tuple_or_map, _, _} = call_args, _integer) when tuple_or_map in [:{}, :%{}] do
    raise ArgumentError,
          "cannot pipe #{to_string(expr)} into #{to_string(call_args)}, " <>
            "can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()"
  end

  def pipe(expr, {call, line, atom}, integer) when is_atom(atom) do
    {call, line, List.insert_at([], integer, expr)}
  end

  def pipe(expr, {call, line, args}, integer) when is_list(args) do
    {call, line, List.insert_at(args, integer, expr)}
  end

  def pipe(expr, call_args, _integer) do
    raise ArgumentError,
          "cannot pipe #{to_string(expr)} into #{to_string(call_args)}, " <>
            "can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()"
  end

  @doc "Breaks a pipeline into `[{expr, position}]`."
  def unpipe(expr), do: :lists.reverse(unpipe(expr, []))

  defp unpipe({:|>, _, [left, right]}, acc), do: unpipe(right, unpipe(left, acc))
  defp unpipe(other, acc), do: [{other, 0} | acc]

  @doc "Applies `fun` to the meta of a node."
  def update_meta({left, meta, right}, fun) when is_list(meta), do: {left, fun.(meta), right}
  def update_meta(other, _fun), do: other

  @doc "Whether `name/arity` is an operator."
  def operator?(name, 2) when is_atom(name) do
    name in [:===, :!==, :==, :!=, :<=, :>=, :&&, :||, :<>, :++, :--, :\\, :"::", :<-, :.., :|>, :=~,
             :<, :>, :->, :+, :-, :*, :/, :=, :|, :., :and, :or, :when, :in, :"~>>", :"<<~", :"~>", :"<~",
             :"<~>", :"<|>", :"<<<", :">>>", :"|||", :"&&&", :"^^^", :"+++", :"---", :**]
  end

  def operator?(name, 1) when is_atom(name), do: name in [:+, :-, :!, :^, :not, :&, :@, :"~~~"]
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

  @doc "Whether `term` is a valid quoted literal."
  def quoted_literal?({:__aliases__, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:%, _, [left, right]}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?({:%{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:{}, _, args}), do: quoted_literal?(args)
  def quoted_literal?({:__MODULE__, _, ctx}) when is_atom(ctx), do: true
  def quoted_literal?({left, right}), do: quoted_literal?(left) and quoted_literal?(right)
  def quoted_literal?(list) when is_list(list), do: Enum.all?(list, &quoted_literal?/1)
  def quoted_literal?(term), do: is_atom(term) or is_number(term) or is_binary(term)

  @doc "Validates quoted code: `:ok` or `{:error, remainder}`."
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
  defp find_invalid(fun) when is_function(fun), do: {:error, fun}
  defp find_invalid(other), do: {:error, other}

  # `quote(do: [a, unquote_splicing(list) | tail])`: the items, the last
  # one in a `|` node with the tail.
  @doc false
  # `left.unquote(right)` (args nil) and `left.unquote(right)(args)` in a
  # quote: the form depends on what `right` is when the quote runs.
  @doc false
  def __dot__(meta, left, {:__aliases__, _, parts}, nil), do: {:__aliases__, meta, [left | parts]}

  def __dot__(meta, left, right, nil) when is_atom(right) do
    case Atom.to_string(right) do
      "Elixir." <> _ -> {:__aliases__, meta, [left, right]}
      _ -> {{:., meta, [left, right]}, [no_parens: true] ++ meta, []}
    end
  end

  def __dot__(meta, left, {right, _, context}, nil) when is_atom(right) and is_atom(context),
    do: {{:., meta, [left, right]}, [no_parens: true] ++ meta, []}

  def __dot__(meta, left, {right, _, args}, nil) when is_atom(right),
    do: {{:., meta, [left, right]}, meta, args}

  def __dot__(_meta, _left, right, nil) do
    raise ArgumentError,
          "expected unquote after dot to return an atom, an alias or a quoted call, got: " <>
            Macro.to_string(right)
  end

  def __dot__(meta, left, right, args) when is_atom(right), do: {{:., meta, [left, right]}, meta, args}

  def __dot__(meta, left, {right, _, context}, args) when is_atom(right) and is_atom(context),
    do: {{:., meta, [left, right]}, meta, args}

  def __dot__(_meta, _left, right, _args) do
    raise ArgumentError,
          "expected unquote after dot with args to return an atom or a quoted call, got: " <>
            Macro.to_string(right)
  end

  @doc false
  def __quote_option__(:line, line) when is_integer(line) and line >= 0, do: line
  def __quote_option__(:context, context) when is_atom(context) and context != nil, do: context

  def __quote_option__(name, value) do
    raise ArgumentError, "invalid runtime value for option :#{name} in quote, got: #{inspect(value)}"
  end

  def __tail_list__(items, tail) when is_list(items) and is_list(tail), do: items ++ tail

  def __tail_list__(items, tail) when is_list(items) do
    case :lists.reverse(items) do
      [last | init] -> :lists.reverse(init, [{:|, [], [last, tail]}])
      [] -> raise ArgumentError, "expected a non-empty list before | in quote, got: []"
    end
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

  @doc """
  The code `dbg/2` expands to: it runs `code` and prints it with its value
  (each step of a pipeline with the value so far) under a header naming
  where it is, then returns the value.
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
    IO.write([header, "\n", dbg_line(string, value, options), "\n"])
    value
  end

  @doc false
  def __dbg_pipe__(header, {string, value}, steps, options) do
    {lines, value} =
      Enum.reduce(steps, {[dbg_line(string, value, options)], value}, fn {string, fun}, {lines, acc} ->
        next = fun.(acc)
        {[dbg_line(string, next, options) | lines], next}
      end)

    IO.write([header, "\n", Enum.reverse(lines), "\n"])
    value
  end

  defp dbg_line(string, value, options) do
    [string, " #=> ", inspect(value, Keyword.merge([pretty: true, width: 80], options)), "\n"]
  end
end
