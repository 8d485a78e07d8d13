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
  def vars(%{__struct__: Macro.Env, versioned_vars: vars}), do: Map.keys(vars)

  @doc "Whether the variable `{name, context}` is in scope."
  def has_var?(%{__struct__: Macro.Env, versioned_vars: vars}, var), do: Map.has_key?(vars, var)

  @doc "`[file: file, line: line]`."
  def location(%{__struct__: Macro.Env, file: file, line: line}), do: [file: file, line: line]

  @doc """
  The environment as a stack trace entry: the function, the module body
  (`:__MODULE__/0`) or the file (`:elixir_compiler.__FILE__/1`), with
  the file relative to the current directory.
  """
  def stacktrace(%{__struct__: Macro.Env} = env) do
    location = [file: String.to_charlist(Path.relative_to_cwd(env.file)), line: env.line]

    case env do
      %{module: nil} -> [{:elixir_compiler, :__FILE__, 1, location}]
      %{function: nil, module: module} -> [{module, :__MODULE__, 0, location}]
      %{function: {name, arity}, module: module} -> [{module, name, arity, location}]
    end
  end

  @doc "Whether the environment is inside a match."
  def in_match?(%{__struct__: Macro.Env, context: context}), do: context == :match

  @doc "Whether the environment is inside a guard."
  def in_guard?(%{__struct__: Macro.Env, context: context}), do: context == :guard

  @doc "The environment inside a match (`in_match?/1` is then true)."
  def to_match(%{__struct__: Macro.Env} = env), do: %{env | context: :match}

  @doc "Whether `module` is required."
  def required?(%{__struct__: Macro.Env, requires: requires}, module) when is_atom(module) do
    module in requires
  end

  @doc "`{:ok, module}` when `alias` (like `:Bar`) is an alias here, else `:error`."
  def fetch_alias(%{__struct__: Macro.Env, aliases: aliases}, alias) when is_atom(alias) do
    Keyword.fetch(aliases, :"Elixir.#{alias}")
  end

  @doc "Like `fetch_alias/2`, for the aliases defined by the macros that ran here."
  def fetch_macro_alias(%{__struct__: Macro.Env, macro_aliases: aliases}, alias) when is_atom(alias) do
    Keyword.fetch(aliases, :"Elixir.#{alias}")
  end

  @doc """
  Where the function or macro `{name, arity}` is imported from:
  `[{:function | :macro, module}]`, an empty list when it is not imported.
  """
  def lookup_import(%{__struct__: Macro.Env} = env, {name, arity} = pair)
      when is_atom(name) and is_integer(arity) do
    functions = for {module, pairs} <- env.functions, pair in pairs, do: {:function, module}
    macros = for {module, pairs} <- env.macros, pair in pairs, do: {:macro, module}
    functions ++ macros
  end

  @doc "The environment with `tracer` first among its tracers."
  def prepend_tracer(%{__struct__: Macro.Env, tracers: tracers} = env, tracer) do
    %{env | tracers: [tracer | tracers]}
  end

  @doc "The environment without the information only the compiler needs."
  def prune_compile_info(%{__struct__: Macro.Env} = env), do: %{env | lexical_tracker: nil, tracers: []}
end
