defmodule Macro.Env do
  @moduledoc """
  The compilation environment: what `__ENV__` and `__CALLER__` give.
  """

  defstruct aliases: [],
            context: nil,
            context_modules: [],
            file: "nofile",
            function: nil,
            functions: [],
            lexical_tracker: nil,
            line: 0,
            macro_aliases: [],
            macros: [],
            module: nil,
            requires: [],
            tracers: [],
            versioned_vars: %{}

  @doc "The variables in scope, as `{name, context}` pairs."
  def vars(%Macro.Env{versioned_vars: vars}), do: Map.keys(vars)

  @doc "Whether the variable `{name, context}` is in scope."
  def has_var?(%Macro.Env{versioned_vars: vars}, var), do: Map.has_key?(vars, var)

  @doc "`[file: file, line: line]`."
  def location(%Macro.Env{file: file, line: line}), do: [file: file, line: line]

  @doc "The environment as a stack trace."
  def stacktrace(%Macro.Env{module: nil, file: file, line: line}) do
    [{:elixir_compiler, :__FILE__, 1, [file: String.to_charlist(file), line: line]}]
  end

  def stacktrace(%Macro.Env{module: module, function: nil, file: file, line: line}) do
    [{module, :__MODULE__, 0, [file: String.to_charlist(file), line: line]}]
  end

  def stacktrace(%Macro.Env{module: module, function: {name, arity}, file: file, line: line}) do
    [{module, name, arity, [file: String.to_charlist(file), line: line]}]
  end

  @doc "Whether the environment is inside a match."
  def in_match?(%Macro.Env{context: context}), do: context == :match

  @doc "Whether the environment is inside a guard."
  def in_guard?(%Macro.Env{context: context}), do: context == :guard

  @doc "Whether `module` is required."
  def required?(%Macro.Env{requires: requires, module: current}, module) do
    module in requires or module == current
  end

  @doc "The environment outside any match or guard."
  def to_match(%Macro.Env{} = env), do: %{env | context: :match}

  @doc "Prunes compile information (kept as is here)."
  def prune_compile_info(%Macro.Env{} = env), do: %{env | lexical_tracker: nil, tracers: []}
end
