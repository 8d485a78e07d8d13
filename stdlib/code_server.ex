defmodule :code do
  @moduledoc """
  Erlang's code server, as far as a VM without `.beam` files has one:
  modules live in memory, so `which/1` of a loaded module is `[]` and
  purging finds no old code to kill.
  """

  @doc "Loads `module` if it can be: `{:module, module}` or `{:error, :nofile}`."
  def ensure_loaded(module) when is_atom(module), do: :beamlet_compiler.ensure_loaded(module)

  @doc "`{:file, []}` when `module` is loaded (from memory), else `false`."
  def is_loaded(module) when is_atom(module) do
    if :erlang.module_loaded(module), do: {:file, []}, else: false
  end

  @doc "Where `module` was loaded from: `[]` (memory) or `:non_existing`."
  def which(module) when is_atom(module) do
    case ensure_loaded(module) do
      {:module, _} -> []
      _ -> :non_existing
    end
  end

  @doc "Makes `module` old code: calls by name no longer reach it. Whether it was loaded."
  def delete(module) when is_atom(module), do: :erlang.delete_module(module)

  @doc "Removes old code of `module`; none is ever kept running here, so `false`."
  def purge(module) when is_atom(module), do: false

  @doc "As `purge/1`."
  def soft_purge(module) when is_atom(module), do: true

  @doc """
  The object code of a library module: `{module, binary, file}`, `file` the
  charlist of the library source it was compiled from. A module defined while
  the program runs has no object file, so `:error` (as in Erlang).
  """
  def get_object_code(module) when is_atom(module) do
    case :beamlet_compiler.object_code(module) do
      {binary, file} -> {module, binary, String.to_charlist(file)}
      :error -> :error
    end
  end

  @doc """
  Loads `binary`, object code as `defmodule` or `get_object_code/1` give it, as
  `module`: `{:module, module}`, or `{:error, :badfile}` when it is not that
  module's code.
  """
  def load_binary(module, file, binary) when is_atom(module) and is_list(file) and is_binary(binary) do
    :beamlet_compiler.load_binary(module, binary)
  end

  @doc "The loaded modules as `{module, []}` pairs."
  def all_loaded, do: Enum.map(:erlang.loaded(), fn m -> {m, []} end)
end
