# EEx, Elixir 1.14's embedded templates: a template is cut into tokens
# (text, `<%= expr %>`, `<% expr %>`, blocks made of a start, middles and
# an end such as `<%= if x do %> .. <% else %> .. <% end %>`, comments
# `<%# .. %>` and `<%!-- .. --%>`, `<%%` for a literal `<%`), then
# compiled through an engine (EEx.SmartEngine by default) into quoted
# code that builds the result. A block's code is parsed once, with each
# of its inner buffers stood in for by a `__EEX__(n);` call that is then
# replaced by that buffer's code.
defmodule EEx do
  @moduledoc false

  @doc "Defines `kind` (:def or :defp) `name(args)` returning the template `source`."
  defmacro function_from_string(kind, name, source, args \\ [], options \\ []) do
    quote bind_quoted: [kind: kind, name: name, source: source, args: args, options: options] do
      info = Keyword.merge([file: __ENV__.file, line: __ENV__.line], options)
      args = Enum.map(args, fn arg -> {arg, [line: info[:line]], nil} end)
      compiled = EEx.compile_string(source, info)

      case kind do
        :def -> def unquote(name)(unquote_splicing(args)), do: unquote(compiled)
        :defp -> defp unquote(name)(unquote_splicing(args)), do: unquote(compiled)
      end
    end
  end

  @doc "Defines `kind` (:def or :defp) `name(args)` returning the template in `file`."
  defmacro function_from_file(kind, name, file, args \\ [], options \\ []) do
    quote bind_quoted: [kind: kind, name: name, file: file, args: args, options: options] do
      info = Keyword.merge([file: file, line: 1], options)
      args = Enum.map(args, fn arg -> {arg, [line: 1], nil} end)
      compiled = EEx.compile_file(file, info)
      @external_resource file
      @file file

      case kind do
        :def -> def unquote(name)(unquote_splicing(args)), do: unquote(compiled)
        :defp -> defp unquote(name)(unquote_splicing(args)), do: unquote(compiled)
      end
    end
  end

  @doc "The quoted code of the template `source`."
  def compile_string(source, options \\ []) when is_binary(source) and is_list(options) do
    file = Keyword.get(options, :file, "nofile")

    case tokenize(source, options) do
      {:ok, tokens} ->
        EEx.Compiler.compile(tokens, source, Keyword.put(options, :file, file))

      {:error, message, %{line: line, column: column}} ->
        raise EEx.SyntaxError, message: message, file: file, line: line, column: column
    end
  end

  @doc "The quoted code of the template in `filename`."
  def compile_file(filename, options \\ []) when is_list(options) do
    filename |> File.read!() |> compile_string(Keyword.merge([file: filename, line: 1], options))
  end

  @doc "Evaluates the template `source` with `bindings`."
  def eval_string(source, bindings \\ [], options \\ []) do
    compiled = compile_string(source, options)
    do_eval(compiled, bindings, options)
  end

  @doc "Evaluates the template in `filename` with `bindings`."
  def eval_file(filename, bindings \\ [], options \\ []) do
    options = Keyword.merge([file: filename, line: 1], options)
    compiled = compile_file(filename, options)
    do_eval(compiled, bindings, options)
  end

  defp do_eval(compiled, bindings, options) do
    {result, _} = Code.eval_quoted(compiled, bindings, Keyword.take(options, [:file, :line]))
    result
  end

  @doc "The tokens of a template: `{:ok, tokens}` or `{:error, message, meta}`."
  def tokenize(contents, opts \\ [])

  def tokenize(contents, opts) when is_binary(contents), do: tokenize(String.to_charlist(contents), opts)

  def tokenize(contents, opts) when is_list(contents) do
    line = opts[:line] || 1
    column = (opts[:column] || 1) + (opts[:indentation] || 0)
    EEx.Compiler.tokenize(contents, line, column, %{trim: opts[:trim] || false, indentation: opts[:indentation] || 0})
  end
end
