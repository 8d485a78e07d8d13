defmodule Module do
  @moduledoc """
  Functions for modules: their attributes and definitions while they are
  being defined, and their names.
  """

  @doc "Registers attribute `name` of `module` (`accumulate: true`, `persist: true`)."
  def register_attribute(module, name, opts) when is_atom(module) and is_atom(name) and is_list(opts) do
    :beamlet_compiler.register_attribute(module, name, opts)
  end

  @doc "Sets attribute `key` of the module being defined."
  def put_attribute(module, key, value) when is_atom(module) and is_atom(key) do
    :beamlet_compiler.module_put_attribute(module, key, value)
  end

  @doc "The value of attribute `key` of the module being defined."
  def get_attribute(module, key, default \\ nil) when is_atom(module) and is_atom(key) do
    :beamlet_compiler.module_get_attribute(module, key, default)
  end

  @doc "Removes attribute `key`; returns its value."
  def delete_attribute(module, key) when is_atom(module) and is_atom(key) do
    :beamlet_compiler.delete_attribute(module, key)
  end

  @doc "Whether attribute `key` has been set."
  def has_attribute?(module, key) when is_atom(module) and is_atom(key) do
    :beamlet_compiler.module_get_attribute(module, key, :__beamlet_unset__) != :__beamlet_unset__
  end

  @doc "Whether `module` is being defined (its body is running)."
  def open?(module) when is_atom(module), do: :beamlet_compiler.is_open(module)

  @doc "Whether the module being defined has defined `{name, arity}` (of `kind`)."
  def defines?(module, {name, arity} = tuple) when is_atom(module) and is_atom(name) and is_integer(arity) do
    :beamlet_compiler.defines(module, tuple, nil)
  end

  def defines?(module, {name, arity} = tuple, kind) when is_atom(module) and is_atom(name) and is_integer(arity) do
    :beamlet_compiler.defines(module, tuple, kind)
  end

  @doc "The `{name, arity}` of every definition so far (of `kind`)."
  def definitions_in(module) when is_atom(module), do: :beamlet_compiler.definitions_in(module, nil)

  def definitions_in(module, kind) when is_atom(module) and is_atom(kind) do
    :beamlet_compiler.definitions_in(module, kind)
  end

  @doc "Joins `a` and `b` into a module name."
  def concat(a, b), do: concat([a, b])

  @doc "Joins a list of aliases, atoms and strings into a module name."
  def concat(list) when is_list(list) do
    parts = for part <- list, part != nil, do: part_name(part)

    case parts do
      [] -> Elixir
      _ -> String.to_atom("Elixir." <> Enum.join(parts, "."))
    end
  end

  @doc "As `concat/2`, for existing atoms only."
  def safe_concat(a, b), do: concat([a, b])
  def safe_concat(list), do: concat(list)

  defp part_name(part) when is_atom(part), do: part_name(Atom.to_string(part))
  defp part_name("Elixir." <> rest), do: rest
  defp part_name("Elixir"), do: ""
  defp part_name(part) when is_binary(part), do: part

  @doc "Splits a module name into its parts."
  def split(module) when is_atom(module), do: split(Atom.to_string(module))
  def split("Elixir." <> name), do: String.split(name, ".")

  def split(other) do
    raise ArgumentError, "expected an Elixir module, got: #{inspect(other)}"
  end
end
