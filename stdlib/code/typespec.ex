# Code.Typespec (a private module of Elixir that programs and test suites
# still call): the typespecs a compiled module carries. Elixir reads them
# from the debug info of the module's .beam file; beamlet keeps no typespecs
# (`@spec`, `@type` and `@callback` are checked and dropped), which is what
# Elixir answers for a module compiled in memory, such as a script's: `:error`.
defmodule Code.Typespec do
  @moduledoc false

  @doc "The specs of `module`, `{:ok, specs}`, or `:error` when it has none kept (always here)."
  def fetch_specs(module) when is_atom(module) or is_binary(module), do: :error

  @doc "The types of `module`, `{:ok, types}`, or `:error` when it has none kept (always here)."
  def fetch_types(module) when is_atom(module) or is_binary(module), do: :error

  @doc "The callbacks of `module`, `{:ok, callbacks}`, or `:error` when it has none kept (always here)."
  def fetch_callbacks(module) when is_atom(module) or is_binary(module), do: :error
end
