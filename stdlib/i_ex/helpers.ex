defmodule IEx.Helpers do
  @moduledoc """
  Welcome to the interactive shell. These helpers are imported in it:

    * `c/1`           - compiles a file into the session
    * `cd/1`          - changes the current directory
    * `clear/0`       - clears the screen
    * `exports/1`     - shows the public functions and macros of a module
    * `flush/0`       - prints and drops every message sent to the shell
    * `h/0`           - prints this help
    * `h/1`           - prints the documentation of a module or function
    * `i/1`           - prints what is known about a term
    * `import_file/1` - evaluates a file in the shell's context
    * `ls/0`          - lists the current directory
    * `pid/1`         - the pid a string such as "0.21.32" names
    * `pid/3`         - the pid <x.y.z>
    * `pwd/0`         - prints the current directory
    * `r/1`           - recompiles a module's source file
    * `respawn/0`     - starts a new session (the bindings are forgotten)
    * `v/0`, `v/1`    - the result of the last input, or of input n

  Ctrl-C stops the input being evaluated (the session keeps its bindings);
  Ctrl-D leaves the shell. Tab completes modules, functions, struct fields
  and variables.
  """

  @doc "The result of input `n` (negative: counted back from the last); `v()` is the last."
  def v(n \\ -1) when is_integer(n) do
    history = Process.get(:"$iex_history", [])

    found =
      cond do
        n < 0 -> Enum.at(history, -n - 1)
        true -> List.keyfind(history, n, 0)
      end

    case found do
      {_, value} -> value
      nil -> raise RuntimeError, "v(#{n}) is out of bounds"
    end
  end

  @doc "Prints every message in the shell's mailbox and empties it."
  def flush do
    receive do
      msg ->
        IO.inspect(msg, IEx.inspect_opts())
        flush()
    after
      0 -> :ok
    end
  end

  @doc "Clears the terminal (when it understands ANSI escapes)."
  def clear do
    if IEx.colors?() do
      IO.write([IO.ANSI.home(), IO.ANSI.clear()])
    else
      IO.puts("Cannot clear the screen because ANSI escape codes are not enabled on this shell")
    end

    IEx.dont_display_result()
  end

  @doc "Starts a fresh session: the evaluator is replaced, the bindings are forgotten."
  def respawn do
    send(Process.get(:"$iex_server"), {:"$iex_respawn", self()})
    IEx.dont_display_result()
  end

  @doc "The pid `\"0.21.32\"` names (or the pid registered as the atom `name`)."
  def pid(string) when is_binary(string) do
    :erlang.list_to_pid(~c"<" ++ String.to_charlist(string) ++ ~c">")
  end

  def pid(name) when is_atom(name) do
    :erlang.whereis(name) |> pid_or_nil()
  end

  defp pid_or_nil(:undefined), do: nil
  defp pid_or_nil(pid), do: pid

  @doc "The pid `<x.y.z>`."
  def pid(x, y, z)
      when is_integer(x) and x >= 0 and is_integer(y) and y >= 0 and is_integer(z) and z >= 0 do
    :erlang.list_to_pid(~c"<" ++ Integer.to_charlist(x) ++ ~c"." ++ Integer.to_charlist(y) ++ ~c"." ++ Integer.to_charlist(z) ++ ~c">")
  end

  @doc "Prints the public functions and macros of `module` in columns."
  def exports(module \\ Kernel) when is_atom(module) do
    Code.ensure_loaded(module)
    # As iex: the macros, then the functions, each sorted.
    funs =
      if function_exported?(module, :__info__, 1),
        do: Enum.sort(module.__info__(:macros)) ++ Enum.sort(module.__info__(:functions)),
        else: Enum.sort(module.module_info(:exports))

    list =
      funs
      |> Enum.reject(fn {name, _} -> name in [:__info__, :module_info] or String.starts_with?(Atom.to_string(name), "MACRO-") end)
      |> Enum.uniq()
      |> Enum.map(fn {name, arity} -> "#{name}/#{arity}" end)

    print_columns(list)
    IEx.dont_display_result()
  end

  defp print_columns([]), do: :ok

  # As iex: each name padded to 5 more than the longest; a line ends once
  # it reaches 80 columns.
  defp print_columns(list) do
    width = Enum.reduce(list, 1, fn s, acc -> max(String.length(s), acc) end) + 5

    {rows, last} =
      Enum.reduce(list, {[], ""}, fn name, {rows, line} ->
        line = line <> String.pad_trailing(name, width)
        if String.length(line) >= IEx.width(), do: {[line | rows], ""}, else: {rows, line}
      end)

    rows = if last == "", do: rows, else: [last | rows]
    Enum.each(Enum.reverse(rows), &IO.puts/1)
  end

  @doc "Prints what the shell knows about `term`."
  def i(term \\ v(-1)) do
    info = IEx.Info.info(term)

    Enum.each(info, fn {key, value} ->
      IO.puts(IEx.color(:eval_result, key))
      IO.puts("  " <> String.replace(value, "\n", "\n  "))
    end)

    IEx.dont_display_result()
  end

  @doc "Compiles the files `files` (a path or list) into the session; returns the modules they define."
  def c(files, path \\ :in_memory) when is_binary(files) or is_list(files) do
    files = List.wrap(files)

    missing = Enum.reject(files, &File.regular?/1)

    if missing != [] do
      raise ArgumentError, "could not find files #{Enum.join(missing, ", ")}"
    end

    _ = path

    Enum.flat_map(files, fn file ->
      before = MapSet.new(:erlang.loaded())
      Code.compile_string(File.read!(file), file)
      known = Process.get(:"$iex_sources", %{})
      new = Enum.reject(:erlang.loaded(), &MapSet.member?(before, &1))
      defined = modules_in(File.read!(file), new)
      Process.put(:"$iex_sources", Enum.reduce(defined, known, &Map.put(&2, &1, file)))
      defined
    end)
  end

  # The modules a file defines (by their `defmodule` names), those just loaded first.
  defp modules_in(source, new) do
    named =
      case Code.string_to_quoted(source) do
        {:ok, quoted} ->
          {_, acc} =
            Macro.prewalk(quoted, [], fn
              {:defmodule, _, [{:__aliases__, _, parts} | _]} = node, acc -> {node, [Module.concat(parts) | acc]}
              node, acc -> {node, acc}
            end)

          Enum.reverse(acc)

        _ ->
          []
      end

    Enum.uniq(named ++ Enum.filter(new, &(&1 in named)))
  end

  @doc "Recompiles the source file of `module` (one compiled with `c/1`); returns `{:reloaded, modules}`."
  def r(modules) do
    modules = List.wrap(modules)

    reloaded =
      Enum.flat_map(modules, fn module ->
        case Map.fetch(Process.get(:"$iex_sources", %{}), module) do
          {:ok, file} -> c(file)
          :error -> raise ArgumentError, "could not load nor find module: #{inspect(module)}"
        end
      end)

    {:reloaded, Enum.uniq(reloaded)}
  end

  @doc "Evaluates the file `path` in the shell's context, as if typed there (its variables and imports stay)."
  defmacro import_file(path, opts \\ []) when is_binary(path) do
    path = Path.expand(path)

    cond do
      File.regular?(path) ->
        Code.string_to_quoted!(File.read!(path), file: path)

      Keyword.get(opts, :optional, false) ->
        nil

      true ->
        raise File.Error, reason: :enoent, action: "open", path: path
    end
  end

  @doc "Imports `module` when it is available."
  defmacro import_if_available(quoted_module, opts \\ []) do
    module = Macro.expand(quoted_module, __CALLER__)

    if Code.ensure_loaded?(module) do
      quote do
        import unquote(quoted_module), unquote(opts)
      end
    end
  end

  @doc "The current working directory, printed."
  def pwd do
    IO.puts(File.cwd!())
    IEx.dont_display_result()
  end

  @doc "Changes the current working directory."
  def cd(directory) when is_binary(directory) do
    case File.cd(Path.expand(directory)) do
      :ok -> pwd()
      {:error, :enoent} -> IO.puts("No directory #{directory}")
      {:error, reason} -> IO.puts("Could not cd to #{directory}: #{:file.format_error(reason)}")
    end

    IEx.dont_display_result()
  end

  @doc "Lists the files of `path` (the current directory by default)."
  def ls(path \\ ".") when is_binary(path) do
    path = Path.expand(path)

    case File.ls(path) do
      {:ok, items} ->
        print_columns(Enum.sort(items))

      {:error, :enoent} ->
        IO.puts("No such file or directory #{path}")

      {:error, :enotdir} ->
        IO.puts(path)
    end

    IEx.dont_display_result()
  end

  @doc "Prints the documentation of a module, `Module.function` or `Module.function/arity`."
  defmacro h(term) do
    quote do
      IEx.Introspection.h(unquote(IEx.Introspection.decompose(term, __CALLER__)))
    end
  end

  @doc "Prints the shell's help."
  def h do
    IEx.Introspection.h(IEx.Helpers)
  end
end
