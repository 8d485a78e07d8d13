defmodule IEx.Autocomplete do
  @moduledoc """
  Tab completion for the shell: module names (`Str` → `Stream String
  StringIO`), functions with their arities (`Enum.red` → `reduce/2 reduce/3
  reduce_while/3`), Erlang modules (`:li`), struct fields (`%URI{ho`), map
  keys of a bound variable (`map.`), and bound variables and imported
  functions.
  """

  @doc """
  Completes `text` (what is before the cursor) with the variables
  `binding` (a keyword list of the session's bindings, or their names):
  `{n, candidates}`, each candidate replacing the last `n` bytes of `text`.
  A function candidate carries its arity (`reduce/2`).
  """
  def complete(text, binding) when is_binary(text) do
    names = Enum.map(binding, fn {k, _} -> k; k -> k end)
    values = Enum.filter(binding, &match?({_, _}, &1))
    fragment = fragment(text)

    cond do
      struct = struct_prefix(text) ->
        {module, prefix} = struct
        fields = struct_fields(module)
        {byte_size(prefix), matching(Enum.map(fields, &"#{&1}: "), prefix)}

      String.starts_with?(fragment, ":") and not String.contains?(fragment, ".") ->
        prefix = String.trim_leading(fragment, ":")
        mods = all_modules() |> Enum.map(&Atom.to_string/1) |> Enum.reject(&String.starts_with?(&1, "Elixir."))
        {byte_size(prefix), matching(mods, prefix)}

      String.contains?(fragment, ".") ->
        {head, prefix} = split_last(fragment)
        {byte_size(prefix), dotted(head, prefix, values)}

      fragment == "" ->
        {0, []}

      upper?(fragment) ->
        {byte_size(fragment), matching(submodules("Elixir"), fragment)}

      true ->
        vars = Enum.map(names, &Atom.to_string/1)
        funs = Enum.map(imported(), fn {n, a} -> "#{n}/#{a}" end)
        {byte_size(fragment), matching(Enum.uniq(vars ++ funs), fragment)}
    end
  end

  # The expression being typed: the trailing run of name characters.
  defp fragment(text) do
    text
    |> String.to_charlist()
    |> Enum.reverse()
    |> Enum.take_while(fn c -> c in ?a..?z or c in ?A..?Z or c in ?0..?9 or c in [?_, ?., ?:, ??, ?!] end)
    |> Enum.reverse()
    |> List.to_string()
  end

  defp split_last(fragment) do
    parts = String.split(fragment, ".")
    {Enum.join(Enum.drop(parts, -1), "."), List.last(parts)}
  end

  defp upper?(<<c, _::binary>>), do: c in ?A..?Z
  defp upper?(_), do: false

  defp dotted(head, prefix, values) do
    cond do
      String.starts_with?(head, ":") ->
        module = String.to_atom(String.trim_leading(head, ":"))
        matching(functions(module), prefix)

      upper?(head) ->
        module = Module.concat([head])
        subs = submodules("Elixir." <> head)
        matching(subs ++ functions(module), prefix)

      true ->
        case List.keyfind(values, safe_atom(head), 0) do
          {_, map} when is_map(map) ->
            keys = map |> Map.keys() |> Enum.filter(&is_atom/1) |> Enum.reject(&(&1 == :__struct__)) |> Enum.map(&Atom.to_string/1)
            matching(keys, prefix)

          _ ->
            []
        end
    end
  end

  defp safe_atom(text) do
    String.to_existing_atom(text)
  rescue
    _ -> nil
  end

  # The next segment of the modules under `parent` (`Elixir.String` → `Chars`).
  defp submodules(parent) do
    lead = parent <> "."

    all_modules()
    |> Enum.map(&Atom.to_string/1)
    |> Enum.filter(&String.starts_with?(&1, lead))
    |> Enum.map(fn name -> name |> String.replace_prefix(lead, "") |> String.split(".") |> hd() end)
    |> Enum.uniq()
  end

  defp all_modules do
    Enum.uniq(:erlang.loaded() ++ :beamlet_compiler.library_modules())
  end

  defp functions(module) do
    if Code.ensure_loaded?(module) do
      exports =
        if function_exported?(module, :__info__, 1),
          do: module.__info__(:functions) ++ module.__info__(:macros),
          else: module.module_info(:exports)

      exports
      |> Enum.reject(fn {n, _} -> String.starts_with?(Atom.to_string(n), "_") or String.starts_with?(Atom.to_string(n), "MACRO-") end)
      |> Enum.map(fn {n, a} -> "#{n}/#{a}" end)
    else
      []
    end
  end

  defp imported do
    (Kernel.__info__(:functions) ++ Kernel.__info__(:macros) ++ IEx.Helpers.__info__(:functions) ++ IEx.Helpers.__info__(:macros))
    |> Enum.reject(fn {n, _} -> String.starts_with?(Atom.to_string(n), "_") end)
  end

  defp struct_prefix(text) do
    case Regex.run(~r/%([A-Z][A-Za-z0-9_.]*)\{(?:[^{}]*,\s*)?\s*([a-z_][a-zA-Z0-9_]*)?$/, text) do
      [_, module, prefix] -> {Module.concat([module]), prefix}
      [_, module] -> {Module.concat([module]), ""}
      _ -> nil
    end
  end

  defp struct_fields(module) do
    if Code.ensure_loaded?(module) and function_exported?(module, :__struct__, 0) do
      module.__struct__() |> Map.keys() |> Enum.reject(&(&1 == :__struct__)) |> Enum.sort()
    else
      []
    end
  end

  defp matching(candidates, prefix) do
    candidates
    |> Enum.filter(&String.starts_with?(&1, prefix))
    |> Enum.uniq()
    |> Enum.sort()
  end
end
