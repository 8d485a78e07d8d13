defmodule Code do
  @moduledoc """
  Compiling and evaluating code at run time: strings and quoted code.
  """

  @doc "Evaluates `string` with `binding`; returns `{value, new_binding}`."
  def eval_string(string, binding \\ [], opts \\ []) do
    :elixir_module.verifying(fn ->
      :beamlet_compiler.eval_string(string, binding, eval_env(opts, binding)).(binding)
    end)
  end

  @doc "Evaluates the quoted code `quoted` with `binding`; returns `{value, new_binding}`."
  def eval_quoted(quoted, binding \\ [], opts \\ []) do
    :elixir_module.verifying(fn ->
      :beamlet_compiler.eval_quoted(quoted, binding, eval_env(opts, binding)).(binding)
    end)
  end

  @doc """
  Evaluates the quoted code `quoted` with `binding` in the environment
  `env` (a `Macro.Env`, see `env_for_eval/1`); returns `{value, new_binding,
  new_env}`: the aliases, imports and requires the code set are in `new_env`.
  """
  def eval_quoted_with_env(quoted, binding, %Macro.Env{} = env) do
    {fun, env} = :beamlet_compiler.eval_env(quoted, binding, env)
    {value, binding} = fun.(binding)
    {value, binding, env}
  end

  @doc "A `Macro.Env` to evaluate code in: from another env, or from `:file` and `:line` options."
  def env_for_eval(%Macro.Env{} = env), do: %{env | versioned_vars: %{}}

  def env_for_eval(opts) when is_list(opts), do: :beamlet_compiler.env_for_eval(opts)

  # An environment given to evaluate in (`__ENV__`) knows the variables of
  # the place it was taken; the code sees only those the binding gives.
  defp eval_env(%{__struct__: Macro.Env, versioned_vars: vars} = env, binding) when is_map(vars) do
    keys = for {key, _} <- binding, do: if(is_atom(key), do: {key, nil}, else: key)
    %{env | versioned_vars: Map.take(vars, keys)}
  end

  defp eval_env(opts, _binding), do: opts

  @doc "Parses `string` into quoted code: `{:ok, quoted}` or `{:error, {meta, message, token}}`."
  def string_to_quoted(string, opts \\ []) do
    case :beamlet_compiler.string_to_quoted(string, opts) do
      {:ok, _} = ok -> ok
      {:error, {meta, message, token}} -> {:error, error_position(string, opts, meta, message, token)}
    end
  end

  # Elixir's place and words for a parse error: an incomplete expression
  # is "syntax error before: " with an empty token, a missing terminator
  # is reported where the input ends, and the `:column` option shifts
  # the columns of the first line.
  defp error_position(string, opts, meta, message, token) do
    start_line = Keyword.get(opts, :line, 1)
    start_column = Keyword.get(opts, :column, 1)
    string = if is_list(string), do: List.to_string(string), else: string

    {message, token} =
      if message == "syntax error: expression is incomplete", do: {"syntax error before: ", ""}, else: {message, token}

    {line, column} =
      if is_binary(message) and String.starts_with?(message, "missing terminator") do
        lines = String.split(string, "\n")
        {start_line + length(lines) - 1, String.length(List.last(lines)) + 1}
      else
        {Keyword.get(meta, :line, start_line), Keyword.get(meta, :column, 1)}
      end

    column = if line == start_line, do: column + start_column - 1, else: column
    {[line: line, column: column], message, token}
  end

  @doc "Parses `string` into quoted code, raising on a syntax error."
  def string_to_quoted!(string, opts \\ []) do
    case string_to_quoted(string, opts) do
      {:ok, quoted} ->
        quoted

      {:error, {meta, message, token}} ->
        file = Keyword.get(opts, :file, "nofile")
        line = Keyword.get(meta, :line, 1)
        column = Keyword.get(meta, :column, 1)
        start_line = Keyword.get(opts, :line, 1)
        string = if is_list(string), do: List.to_string(string), else: string
        content = string |> String.split("\n") |> Enum.at(line - start_line, "")
        offset = if line == start_line, do: column - Keyword.get(opts, :column, 1), else: column - 1
        snippet = if String.trim(content) == "", do: nil, else: %{content: content, offset: offset}

        cond do
          # A closer that does not match: `{"unexpected token: ", ". The ... is missing terminator ..."}`,
          # reported with no snippet, as Elixir does.
          is_tuple(message) ->
            {prefix, suffix} = message
            raise SyntaxError, file: file, line: line, column: column, snippet: nil, description: prefix <> token <> suffix

          message == "syntax error before: " and token == "" ->
            raise TokenMissingError,
              file: file,
              line: line,
              column: column,
              snippet: snippet,
              description: "syntax error: expression is incomplete"

          String.starts_with?(message, "missing terminator") ->
            raise TokenMissingError, file: file, line: line, column: column, snippet: snippet, description: message <> token

          true ->
            raise SyntaxError, file: file, line: line, column: column, snippet: snippet, description: message <> token
        end
    end
  end

  @doc """
  The documentation of `module` in Elixir's `docs_v1` shape:
  `{:docs_v1, anno, :elixir, "text/markdown", moduledoc, metadata, docs}`,
  each doc `%{"en" => text}`, `:hidden` (`false`) or `:none`; or
  `{:error, :module_not_found}`, `{:error, :chunk_not_found}` (a module with
  no docs kept: a built-in one).
  """
  # As in Elixir, a module compiled in memory (a script's, `Module.create/3`'s,
  # one the host loads) has no docs to fetch, having no .beam file: only the
  # library's modules (compiled from `stdlib/` into the image) have them; and
  # OTP's modules carry no docs chunk.
  def fetch_docs(module) when is_atom(module) do
    case ensure_loaded(module) do
      {:module, _} ->
        cond do
          not function_exported?(module, :__info__, 1) -> {:error, :chunk_not_found}
          not library_module?(module) -> {:error, :module_not_found}
          not String.starts_with?(Atom.to_string(module), "Elixir.") -> {:error, :chunk_not_found}
          true -> fetch_docs_chunk(module)
        end

      _ ->
        {:error, :module_not_found}
    end
  end

  defp library_module?(module) do
    source = Keyword.get(module.__info__(:compile), :source, [])
    is_list(source) and :lists.prefix('stdlib/', source)
  end

  defp fetch_docs_chunk(module) do
    {moduledoc, entries} = module.__info__(:docs)

    docs =
      Enum.map(entries, fn {kind, name, arity, signature, doc, defaults} ->
        meta = if defaults > 0, do: %{defaults: defaults}, else: %{}
        {{kind, name, arity}, [line: 1], [signature], doc_content(doc), meta}
      end)

    {:docs_v1, [line: 1], :elixir, "text/markdown", doc_content(moduledoc), %{}, docs}
  end

  defp doc_content(text) when is_binary(text), do: %{"en" => text}
  defp doc_content(false), do: :hidden
  defp doc_content(_), do: :none

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

  ## Compiler options: kept for the VM (a persistent term), as Elixir keeps
  ## them in its compiler's configuration. beamlet reads none of them yet
  ## when compiling; they are answered back as set.

  @compiler_options [
    :docs,
    :debug_info,
    :ignore_already_consolidated,
    :ignore_module_conflict,
    :relative_paths,
    :warnings_as_errors,
    :no_warn_undefined,
    :tracers,
    :parser_options
  ]

  @default_compiler_options %{
    debug_info: true,
    docs: true,
    ignore_already_consolidated: false,
    ignore_module_conflict: false,
    no_warn_undefined: [],
    parser_options: [],
    relative_paths: true,
    tracers: [],
    warnings_as_errors: false
  }

  @doc "The names of the options `compiler_options/1` takes."
  def available_compiler_options, do: @compiler_options

  @doc "The compiler options, a map."
  def compiler_options, do: :persistent_term.get({Code, :compiler_options}, @default_compiler_options)

  @doc "Sets the compiler options given (a keyword list or map); returns their previous values, a map."
  def compiler_options(opts) do
    Enum.reduce(opts, %{}, fn {key, value}, previous ->
      old = get_compiler_option(key)
      put_compiler_option(key, value)
      Map.put(previous, key, old)
    end)
  end

  @doc "The value of the compiler option `key`."
  def get_compiler_option(key) when key in @compiler_options, do: Map.fetch!(compiler_options(), key)

  @doc "Sets the compiler option `key` to `value`."
  def put_compiler_option(key, value) when key in @compiler_options do
    check_compiler_option(key, value)
    :persistent_term.put({Code, :compiler_options}, Map.put(compiler_options(), key, value))
    :ok
  end

  def put_compiler_option(key, _value) do
    raise "unknown compiler option: #{inspect(key)}"
  end

  defp check_compiler_option(key, value)
       when key in [:docs, :debug_info, :ignore_already_consolidated, :ignore_module_conflict, :relative_paths, :warnings_as_errors] and
              not is_boolean(value) do
    raise "compiler option #{inspect(key)} should be a boolean, got: #{inspect(value)}"
  end

  defp check_compiler_option(:no_warn_undefined, value) when not is_list(value) and value != :all do
    raise "compiler option :no_warn_undefined should be a list or the atom :all, got: #{inspect(value)}"
  end

  defp check_compiler_option(key, value) when key in [:tracers, :parser_options] and not is_list(value) do
    raise "compiler option #{inspect(key)} should be a list, got: #{inspect(value)}"
  end

  defp check_compiler_option(_key, _value), do: :ok

  # Kept for the whole VM, as Elixir's code server keeps them.
  @required {Code, :required_files}
  @paths {Code, :paths}

  @doc """
  Compiles `string`, returning the modules it defined as `[{module, binary}]`
  in the order they were finished (a nested module before its parent), each
  with its object code.
  """
  def compile_string(string, file \\ "nofile") do
    collecting(fn -> eval_string(string, [], file: file) end)
  end

  @doc "Compiles quoted code, returning the modules it defined as `compile_string/2` does."
  def compile_quoted(quoted, file \\ "nofile") do
    collecting(fn -> eval_quoted(quoted, [], file: file) end)
  end

  @doc """
  Compiles the file `file` (relative to `relative_to` when given), returning
  the modules it defined as `compile_string/2` does. The file is not added to
  `required_files/0`.
  """
  def compile_file(file, relative_to \\ nil) when is_binary(file) do
    file = find_file(file, relative_to)
    collecting(fn -> eval_string(read_file(file), [], file: file) end)
  end

  @doc """
  Evaluates the file `file` (relative to `relative_to` when given); returns
  `{value, binding}` as `eval_string/3` does. The file is not tracked.
  """
  def eval_file(file, relative_to \\ nil) when is_binary(file) do
    file = find_file(file, relative_to)
    eval_string(read_file(file), [], file: file)
  end

  @doc """
  Requires the file `file` (relative to `relative_to` when given): compiles it
  and returns the modules it defined as `compile_string/2` does, or `nil`
  when it was required already (see `required_files/0`).
  """
  def require_file(file, relative_to \\ nil) when is_binary(file) do
    file = find_file(file, relative_to)

    if file in required_files() do
      nil
    else
      modules = collecting(fn -> eval_string(read_file(file), [], file: file) end)
      :persistent_term.put(@required, required_files() ++ [file])
      modules
    end
  end

  @doc "The files `require_file/2` has required, as absolute paths, oldest first."
  def required_files, do: :persistent_term.get(@required, [])

  @doc "Forgets that `files` were required: `require_file/2` will compile them again."
  def unrequire_files(files) when is_list(files) do
    files = Enum.map(files, &Path.expand/1)
    :persistent_term.put(@required, required_files() -- files)
    :ok
  end

  @doc """
  Adds `path` to the end of the code path: `true`, or `{:error,
  :bad_directory}` when it is not a directory. (The VM loads no code from
  the path: modules come from the library and the program.)
  """
  def append_path(path), do: add_path(path, &(&2 ++ [&1]))

  @doc "Adds `path` to the start of the code path, as `append_path/1` does."
  def prepend_path(path), do: add_path(path, &[&1 | &2])

  @doc "Takes `path` out of the code path: whether it was there."
  def delete_path(path) do
    path = path |> IO.chardata_to_string() |> Path.expand()
    paths = :persistent_term.get(@paths, [])
    :persistent_term.put(@paths, List.delete(paths, path))
    path in paths
  end

  defp add_path(path, add) do
    path = path |> IO.chardata_to_string() |> Path.expand()

    if File.dir?(path) do
      paths = :persistent_term.get(@paths, []) |> List.delete(path)
      :persistent_term.put(@paths, add.(path, paths))
      true
    else
      {:error, :bad_directory}
    end
  end

  @doc "Deprecated: compiles `file` as `compile_file/2` does and marks it required."
  def load_file(file, relative_to \\ nil) when is_binary(file) do
    file = find_file(file, relative_to)
    modules = collecting(fn -> eval_string(read_file(file), [], file: file) end)
    :persistent_term.put(@required, List.delete(required_files(), file) ++ [file])
    modules
  end

  @doc "Deprecated: `required_files/0`."
  def loaded_files, do: required_files()

  @doc "Deprecated: `unrequire_files/1`."
  def unload_files(files), do: unrequire_files(files)

  @doc "Deprecated: whether `ensure_compiled/1` finds `module`."
  def ensure_compiled?(module) when is_atom(module), do: match?({:module, _}, ensure_compiled(module))

  @doc "Whether this process may wait for another module's compilation: never in a script."
  def can_await_module_compilation?, do: false

  @doc "Purges the modules the compiler made for itself: it makes none, so `{:ok, 0}`."
  def purge_compiler_modules, do: {:ok, 0}

  @doc "As `ensure_loaded/1`, returning `module` or raising `ArgumentError`."
  def ensure_loaded!(module) when is_atom(module) do
    case ensure_loaded(module) do
      {:module, module} -> module
      {:error, reason} -> raise ArgumentError, "could not load module #{inspect(module)} due to reason #{inspect(reason)}"
    end
  end

  defp find_file(file, nil), do: Path.expand(file)
  defp find_file(file, relative_to), do: Path.expand(file, relative_to)

  defp read_file(file) do
    case File.read(file) do
      {:ok, source} -> source
      {:error, reason} -> raise Code.LoadError, file: file, reason: reason
    end
  end

  # Runs `fun`, collecting the modules defined in this process meanwhile
  # (`:elixir_module` reports each as it is finished); an inner collection
  # keeps its own.
  defp collecting(fun) do
    outer = Process.put(:"$beamlet_compiled", [])

    try do
      fun.()
      Enum.reverse(Process.get(:"$beamlet_compiled"))
    after
      case outer do
        nil -> Process.delete(:"$beamlet_compiled")
        outer -> Process.put(:"$beamlet_compiled", outer)
      end
    end
  end
end
