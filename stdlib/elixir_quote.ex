# The run-time helpers of quoted code (Elixir's :elixir_quote): what the
# code `Macro.escape(ast, unquote: true)` builds calls to splice lists
# (`unquote_splicing`) and to build `left.unquote(name)` calls.
defmodule :elixir_quote do
  @moduledoc false

  # `[unquote_splicing(left) | right]`: the spliced list and the items after it.
  def list(left, right) when is_list(right) do
    validate_list(left)
    left ++ right
  end

  # `[...tail, unquote_splicing(left) | right]`: a list ending in `right`
  # (a `|` node when `right` is not a list).
  def tail_list(left, right, tail) when is_list(right) and is_list(tail) do
    validate_list(left)
    tail ++ left ++ right
  end

  def tail_list(left, right, tail) when is_list(left) do
    validate_list(left)
    [last | init] = :lists.reverse(tail ++ left)
    :lists.reverse([{:|, [], [last, right]} | init])
  end

  # A `quote` option known only when the quote runs (`line: line`).
  def validate_runtime(:line, line) when is_integer(line) and line >= 0, do: line
  def validate_runtime(:context, context) when is_atom(context) and context != nil, do: context

  def validate_runtime(name, value) do
    raise ArgumentError, "invalid runtime value for option :#{name} in quote, got: #{inspect(value)}"
  end

  defp validate_list(list) when is_list(list), do: :ok

  defp validate_list(other) do
    raise ArgumentError,
          "expected a list with quoted expressions in unquote_splicing/1, got: #{Macro.to_string(other)}"
  end

  # `left.unquote(right)` (args nil) and `left.unquote(right)(args)`.
  def dot(meta, left, right, args, context), do: annotate(dot(meta, left, right, args), context)

  defp dot(meta, left, {:__aliases__, _, args}, nil), do: {:__aliases__, meta, [left | args]}

  defp dot(meta, left, right, nil) when is_atom(right) do
    case Atom.to_string(right) do
      "Elixir." <> _ -> {:__aliases__, meta, [left, right]}
      _ -> {{:., meta, [left, right]}, [no_parens: true] ++ meta, []}
    end
  end

  defp dot(meta, left, {right, _, context}, nil) when is_atom(right) and is_atom(context) do
    {{:., meta, [left, right]}, [no_parens: true] ++ meta, []}
  end

  defp dot(meta, left, {right, _, args}, nil) when is_atom(right) do
    {{:., meta, [left, right]}, meta, args}
  end

  defp dot(_meta, _left, right, nil) do
    raise ArgumentError,
          "expected unquote after dot to return an atom, an alias or a quoted call, got: #{Macro.to_string(right)}"
  end

  defp dot(meta, left, right, args) when is_atom(right), do: {{:., meta, [left, right]}, meta, args}

  defp dot(meta, left, {right, _, context}, args) when is_atom(right) and is_atom(context) do
    {{:., meta, [left, right]}, meta, args}
  end

  defp dot(_meta, _left, right, _args) do
    raise ArgumentError,
          "expected unquote after dot with args to return an atom or a quoted call, got: #{Macro.to_string(right)}"
  end

  # A definition built with a context gets it on its head.
  defp annotate({{:., _, [_, kind]} = target, meta, [{name, head_meta, args} | rest]}, context)
       when context != nil and kind in [:def, :defp, :defmacro, :defmacrop, :@] do
    {target, meta, [{name, :lists.keystore(:context, 1, head_meta, {:context, context}), args} | rest]}
  end

  defp annotate(tree, _context), do: tree
end
