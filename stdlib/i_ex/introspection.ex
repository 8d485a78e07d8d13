defmodule IEx.Introspection do
  @moduledoc """
  What the shell's `h/1` prints: a module's or a function's documentation
  (from `Code.fetch_docs/1`), in iex's layout.
  """

  @doc false
  def decompose({:/, _, [call, arity]}, env) when is_integer(arity) do
    case decompose(call, env) do
      {module, fun} -> {module, fun, arity}
      other -> other
    end
  end

  def decompose({{:., _, [mod, fun]}, _, []}, env) when is_atom(fun) do
    {Macro.expand(mod, env), fun}
  end

  def decompose({:__aliases__, _, _} = mod, env), do: Macro.expand(mod, env)
  def decompose(mod, _env) when is_atom(mod), do: mod

  def decompose({name, _, args}, env) when is_atom(name) and (is_atom(args) or args == []) do
    imported = find_import(env.functions ++ env.macros, name)

    case imported do
      nil -> {Kernel, name}
      module -> {module, name}
    end
  end

  def decompose(other, _env) do
    raise ArgumentError, "invalid usage of h/1: #{Macro.to_string(other)}"
  end

  defp find_import(imports, name) do
    Enum.find_value(imports, fn {module, funs} ->
      if Enum.any?(funs, fn {n, _} -> n == name end), do: module
    end)
  end

  @doc "Prints the documentation of a module, `{module, fun}` or `{module, fun, arity}`."
  def h(module) when is_atom(module) do
    case Code.fetch_docs(module) do
      {:docs_v1, _, _, _, %{"en" => doc}, _, _} ->
        print_heading(inspect(module))
        print_doc(doc)

      {:docs_v1, _, _, _, _, _, _} ->
        IO.puts("No documentation for #{inspect(module)} was found")

      {:error, :module_not_found} ->
        IO.puts("Could not load module #{inspect(module)}, got: nofile")

      {:error, _} ->
        IO.puts("#{inspect(module)} was not compiled with docs")
    end

    IEx.dont_display_result()
  end

  def h({module, fun}), do: h_fun(module, fun, :any)
  def h({module, fun, arity}), do: h_fun(module, fun, arity)

  defp h_fun(module, fun, arity) do
    name = if arity == :any, do: "#{inspect(module)}.#{fun}", else: "#{inspect(module)}.#{fun}/#{arity}"

    case Code.fetch_docs(module) do
      {:docs_v1, _, _, _, _, _, docs} ->
        found =
          Enum.filter(docs, fn {{_, n, a}, _, _, doc, meta} ->
            defaults = Map.get(meta, :defaults, 0)
            n == fun and doc != :hidden and (arity == :any or arity in (a - defaults)..a)
          end)

        case found do
          [] ->
            IO.puts("No documentation for #{name} was found")

          entries ->
            Enum.each(entries, fn {{kind, _, _}, _, [signature], doc, _} ->
              keyword = if kind == :macro, do: "defmacro", else: "def"
              print_heading("#{keyword} #{signature}")

              case doc do
                %{"en" => text} -> print_doc(text)
                _ -> IO.puts("")
              end
            end)
        end

      {:error, :module_not_found} ->
        IO.puts("Could not load module #{inspect(module)}, got: nofile")

      {:error, _} ->
        IO.puts("#{inspect(module)} was not compiled with docs")
    end

    IEx.dont_display_result()
  end

  # iex centers the heading in 80 columns, between blank lines.
  defp print_heading(text) do
    pad = max(div(IEx.width() - String.length(text), 2), 0)
    heading = String.duplicate(" ", pad) <> text
    IO.puts("\n" <> IEx.color(:doc_headings, heading) <> "\n")
  end

  defp print_doc(text) do
    IO.puts(String.trim_trailing(text) <> "\n")
  end
end
