defmodule Code do
  @moduledoc """
  Compiling and evaluating code at run time: strings and quoted code.
  """

  @doc "Evaluates `string` with `binding`; returns `{value, new_binding}`."
  def eval_string(string, binding \\ [], opts \\ []) do
    :elixir_module.verifying(fn ->
      :beamlet_compiler.eval_string(string, binding, opts).(binding)
    end)
  end

  @doc "Evaluates the quoted code `quoted` with `binding`; returns `{value, new_binding}`."
  def eval_quoted(quoted, binding \\ [], opts \\ []) do
    :elixir_module.verifying(fn ->
      :beamlet_compiler.eval_quoted(quoted, binding, opts).(binding)
    end)
  end

  @doc "Parses `string` into quoted code: `{:ok, quoted}` or `{:error, {meta, message, token}}`."
  def string_to_quoted(string, opts \\ []), do: :beamlet_compiler.string_to_quoted(string, opts)

  @doc "Parses `string` into quoted code, raising on a syntax error."
  def string_to_quoted!(string, opts \\ []) do
    case string_to_quoted(string, opts) do
      {:ok, quoted} ->
        quoted

      {:error, {meta, message, token}} ->
        file = Keyword.get(opts, :file, "nofile")
        line = Keyword.get(meta, :line, 1)
        column = Keyword.get(meta, :column, 1)
        raise SyntaxError, file: file, line: line, column: column, description: message <> token
    end
  end

  @doc "Makes sure `module` is loaded: `{:module, module}` or `{:error, :nofile}`."
  def ensure_loaded(module) when is_atom(module), do: :beamlet_compiler.ensure_loaded(module)

  @doc "Whether `module` is loaded (or can be)."
  def ensure_loaded?(module) when is_atom(module) do
    case ensure_loaded(module) do
      {:module, _} -> true
      _ -> false
    end
  end

  @doc "As `ensure_loaded/1`."
  def ensure_compiled(module) when is_atom(module), do: ensure_loaded(module)

  @doc "As `ensure_loaded/1`, raising when the module does not exist."
  def ensure_compiled!(module) when is_atom(module) do
    case ensure_loaded(module) do
      {:module, module} -> module
      _ -> raise ArgumentError, "could not load module #{inspect(module)} due to reason :nofile"
    end
  end

  @doc "Compiles `string`, returning the modules it defined as `[{module, binary}]`."
  def compile_string(string, file \\ "nofile") do
    {_, _} = eval_string(string, [], file: file)
    []
  end

  @doc "Compiles quoted code, returning the modules it defined."
  def compile_quoted(quoted, file \\ "nofile") do
    {_, _} = eval_quoted(quoted, [], file: file)
    []
  end
end
