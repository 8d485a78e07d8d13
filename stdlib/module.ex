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

  @doc "Whether attribute `key` has been set or registered."
  def has_attribute?(module, key) when is_atom(module) and is_atom(key) do
    :beamlet_compiler.has_attribute(module, key)
  end

  @reserved_attributes %{
    after_compile: %{doc: "A hook that will be invoked right after the current module is compiled."},
    after_verify: %{doc: "A hook that will be invoked right after the current module is verified."},
    before_compile: %{doc: "A hook that will be invoked before the module is compiled."},
    behaviour: %{doc: "Specifies that the current module implements a given behaviour."},
    callback: %{doc: "Provides a specification for a behaviour callback."},
    compile: %{doc: "Defines options for module compilation."},
    deprecated: %{doc: "Provides the deprecation reason for a function."},
    derive: %{
      doc: "Derives an implementation for the given protocol for the struct defined in the current module."
    },
    dialyzer: %{doc: "Defines Dialyzer warnings to request or suppress."},
    doc: %{doc: "Provides documentation for a function/macro/callback."},
    external_resource: %{doc: "Specifies an external resource for the current module."},
    file: %{
      doc: "Changes the filename used in stacktraces for the function or macro that follows the attribute."
    },
    impl: %{doc: "Declares an implementation of a callback function or macro."},
    macrocallback: %{doc: "Provides a specification for a macro behaviour callback."},
    moduledoc: %{doc: "Provides documentation for the current module."},
    on_definition: %{
      doc: "A hook that will be invoked when each function or macro in the current module is defined."
    },
    on_load: %{doc: "A hook that will be invoked whenever the module is loaded."},
    opaque: %{doc: "Defines an opaque type to be used in `@spec`."},
    optional_callbacks: %{doc: "Specifies which behaviour callbacks and macro behaviour callbacks are optional."},
    spec: %{doc: "Provides a specification for a function."},
    type: %{doc: "Defines a type to be used in `@spec`."},
    typedoc: %{doc: "Provides documentation for a type."},
    typep: %{doc: "Defines a private type to be used in `@spec`."},
    vsn: %{doc: "Specify the module version."}
  }

  @doc "The attributes Elixir reserves, each with a short description: `%{name => %{doc: text}}`."
  def reserved_attributes, do: @reserved_attributes

  @doc "Whether `module` is being defined (its body is running)."
  def open?(module) when is_atom(module), do: :beamlet_compiler.is_open(module)

  @doc "Whether the module being defined has defined `{name, arity}` (of `kind`)."
  def defines?(module, {name, arity} = tuple) when is_atom(module) and is_atom(name) and is_integer(arity) do
    :beamlet_compiler.defines(module, tuple, nil)
  end

  def defines?(module, {name, arity} = tuple, kind) when is_atom(module) and is_atom(name) and is_integer(arity) do
    :beamlet_compiler.defines(module, tuple, kind)
  end

  @doc """
  The definition of `{name, arity}` in the open `module`: `{:v1, kind, meta,
  clauses}`, each clause `{meta, arguments, guards, body}` as expanded;
  `nil` when there is none. `skip_clauses: true` leaves the clauses out.
  """
  def get_definition(module, {name, arity} = tuple, opts \\ [])
      when is_atom(module) and is_atom(name) and is_integer(arity) and is_list(opts) do
    :beamlet_compiler.get_definition(module, tuple, Keyword.get(opts, :skip_clauses, false))
  end

  @doc "Removes the definition of `{name, arity}` from the open `module`: whether there was one."
  def delete_definition(module, {name, arity} = tuple) when is_atom(module) and is_atom(name) and is_integer(arity) do
    :beamlet_compiler.delete_definition(module, tuple)
  end

  @doc "The `{name, arity}` of every definition so far (of `kind`)."
  def definitions_in(module) when is_atom(module), do: :beamlet_compiler.definitions_in(module, nil)

  def definitions_in(module, kind) when is_atom(module) and is_atom(kind) do
    :beamlet_compiler.definitions_in(module, kind)
  end

  @doc "Joins `a` and `b` into a module name."
  @doc "Whether `{name, arity}` of the open `module` is overridable (and not yet overridden)."
  def overridable?(module, {name, arity} = tuple) when is_atom(module) and is_atom(name) and is_integer(arity) do
    tuple in overridables_in(module)
  end

  @doc "The overridable functions of the open `module`, as `{name, arity}`."
  def overridables_in(module) when is_atom(module), do: :beamlet_compiler.overridables_in(module)

  @doc "Makes functions of the open `module` overridable, as `defoverridable` does."
  def make_overridable(module, tuples) when is_atom(module) and (is_list(tuples) or is_atom(tuples)) do
    if is_list(tuples) and open?(module) do
      Enum.each(tuples, fn
        {name, arity} when is_atom(name) and is_integer(arity) and arity in 0..255 ->
          :ok

        other ->
          raise ArgumentError,
                "each element in tuple list has to be a {function_name :: atom, arity :: 0..255} tuple, got: #{inspect(other)}"
      end)
    end

    :beamlet_compiler.defoverridable(module, tuples, 0)
    :ok
  end

  @doc "The attributes set in the open `module`."
  def attributes_in(module) when is_atom(module), do: :beamlet_compiler.attributes_in(module)

  @doc """
  Evaluates `quoted` in the open module `module_or_env` (a module, or a
  `%Macro.Env{}` naming one), as if written in its body.
  """
  def eval_quoted(module_or_env, quoted, binding \\ [], opts \\ [])

  def eval_quoted(%Macro.Env{} = env, quoted, binding, opts) do
    eval_quoted(env.module, quoted, binding, Keyword.merge([file: env.file, line: env.line], opts))
  end

  def eval_quoted(module, quoted, binding, opts) when is_atom(module) do
    if not open?(module) do
      raise ArgumentError,
            "could not call Module.eval_quoted/4 because the module #{inspect(module)} is already compiled"
    end

    env = %Macro.Env{
      module: module,
      file: Keyword.get(opts, :file, "nofile"),
      line: Keyword.get(opts, :line, 1)
    }

    Code.eval_quoted(quoted, binding, env)
  end

  @doc """
  Defines `module` with the body `quoted`; `opts` is a `%Macro.Env{}` or
  `[file: ..., line: ...]`. Returns `{:module, module, binary, result}`.
  """
  def create(module, quoted, opts) when is_atom(module) and is_list(opts) do
    env = %Macro.Env{
      file: Keyword.get(opts, :file, "nofile"),
      line: Keyword.get(opts, :line, 0)
    }

    create(module, quoted, env)
  end

  def create(module, quoted, %Macro.Env{} = env) when is_atom(module) do
    if is_nil(env.file) or env.file == "" do
      raise ArgumentError, "expected :file to be given as option"
    end

    :elixir_module.compile(module, quoted, [], %{env | module: module, function: nil})
  end

  def concat(a, b) when (is_binary(a) or is_atom(a)) and (is_binary(b) or is_atom(b)),
    do: concat([a, b])

  @doc "Joins a list of aliases, atoms and strings into a module name."
  def concat(list) when is_list(list) do
    parts = for part <- list, part != nil, do: part_name(part)

    case parts do
      [] -> Elixir
      _ -> String.to_atom("Elixir." <> Enum.join(parts, "."))
    end
  end

  @doc "As `concat/2`, for existing atoms only (ArgumentError otherwise)."
  def safe_concat(a, b), do: safe_concat([a, b])

  def safe_concat(list) when is_list(list) do
    case for part <- list, part != nil, do: part_name(part) do
      [] -> Elixir
      parts -> :erlang.binary_to_existing_atom("Elixir." <> Enum.join(parts, "."), :utf8)
    end
  end

  defp part_name(part) when is_atom(part), do: part_name(Atom.to_string(part))
  defp part_name("Elixir." <> rest), do: rest
  defp part_name("Elixir"), do: ""
  defp part_name(part) when is_binary(part), do: part

  @doc "Splits a module name into its parts."
  def split(module) when is_atom(module) do
    case Atom.to_string(module) do
      "Elixir." <> name -> String.split(name, ".")
      _ -> raise ArgumentError, "expected an Elixir module, got: #{inspect(module)}"
    end
  end

  def split("Elixir." <> name), do: String.split(name, ".")

  def split(other) do
    raise ArgumentError, "expected an Elixir module, got: #{inspect(other)}"
  end
end
