defmodule ExUnit.Case do
  @moduledoc "Test modules: `use ExUnit.Case`, `describe/2` and `test/1,2,3`, tags and registered attributes."

  @reserved [:module, :file, :line, :test, :async, :registered, :describe, :describe_line]

  defmacro __using__(opts) do
    quote do
      ExUnit.Case.__register__(__MODULE__, unquote(opts))
      @before_compile ExUnit.Case
      @after_compile ExUnit.Case
      use ExUnit.Callbacks
      import ExUnit.Assertions
      import ExUnit.Case, only: [describe: 2, test: 1, test: 2, test: 3]
      import ExUnit.DocTest
    end
  end

  @doc false
  def __register__(module, opts) do
    if Enum.any?([:tag, :describetag, :moduletag], &attribute_set?(module, &1)) do
      raise "you must set @tag, @describetag, and @moduletag after the call to \"use ExUnit.Case\""
    end

    Enum.each([:ex_unit_tests, :tag, :describetag, :moduletag], fn attribute ->
      Module.register_attribute(module, attribute, accumulate: true)
    end)

    Module.put_attribute(module, :ex_unit_async, Keyword.get(opts, :async, false))
    Module.put_attribute(module, :ex_unit_test_names, %{})
    Module.put_attribute(module, :ex_unit_registered, %{test: [], describe: [], module: []})
  end

  defp attribute_set?(module, attribute) do
    Module.get_attribute(module, attribute) not in [nil, []]
  end

  @doc "Groups tests: their names get `message` as a prefix and `setup` inside applies to them only."
  defmacro describe(message, do: block) do
    quote do
      ExUnit.Callbacks.__describe__(__MODULE__, __ENV__.line, unquote(message))
      unquote(block)
      ExUnit.Callbacks.__end_describe__(__MODULE__)
    end
  end

  @doc "A test that is not written yet: it fails with \"Not implemented\"."
  defmacro test(message) do
    name = Macro.var(:ex_unit_test_name, __MODULE__)

    quote do
      unquote(name) =
        ExUnit.Case.register_test(__MODULE__, __ENV__.file, __ENV__.line, :test, unquote(message), [
          :not_implemented
        ])

      def unquote({:unquote, [], [name]})(_), do: ExUnit.Case.__not_implemented__()
    end
  end

  @doc "Defines a test; `var` is matched against the test's context."
  defmacro test(message, var \\ quote(do: _), contents) do
    contents =
      case contents do
        [do: block] ->
          quote do
            unquote(block)
            :ok
          end

        _ ->
          quote do
            try(unquote(contents))
            :ok
          end
      end

    name = Macro.var(:ex_unit_test_name, __MODULE__)

    quote do
      unquote(name) =
        ExUnit.Case.register_test(__MODULE__, __ENV__.file, __ENV__.line, :test, unquote(message), [])

      def unquote({:unquote, [], [name]})(unquote(var)), do: unquote(contents)
    end
  end

  @doc false
  def __not_implemented__ do
    reraise ExUnit.AssertionError.exception(message: "Not implemented"), []
  end

  @doc "Registers a test of `test_type` named from `name`; returns the name of the function to define."
  def register_test(%{module: module, file: file, line: line}, test_type, name, tags),
    do: register_test(module, file, line, test_type, name, tags)

  def register_test(module, file, line, test_type, name, tags) do
    if not Module.has_attribute?(module, :ex_unit_test_names) do
      raise "cannot define #{test_type}. Please make sure you have invoked \"use ExUnit.Case\" in the current module"
    end

    {describe, describe_line} =
      case Module.get_attribute(module, :ex_unit_describe) do
        {line, message, _index} -> {message, line}
        nil -> {nil, nil}
      end

    prefix = if describe, do: "#{test_type} #{describe} ", else: "#{test_type} "
    test_name = String.to_atom(prefix <> to_name(name))
    # A test is the function `test_name/1`: defined already, a duplicate
    # (asked of the module rather than of a growing attribute, which each
    # test would read whole).
    if Module.defines?(module, {test_name, 1}) do
      raise ExUnit.DuplicateTestError, "\"#{test_name}\" is already defined in #{inspect(module)}"
    end

    tag = Module.delete_attribute(module, :tag)
    user_tags =
      %{}
      |> merge_tags(Module.get_attribute(module, :moduletag))
      |> merge_tags(Module.get_attribute(module, :describetag))
      |> merge_tags(tag)
      |> merge_tags([tags])

    tags =
      %{test_type: test_type}
      |> Map.merge(user_tags)
      |> Map.merge(%{
        file: file,
        line: line,
        describe: describe,
        describe_line: describe_line,
        async: Module.get_attribute(module, :ex_unit_async),
        registered: registered_values(module)
      })

    test = %ExUnit.Test{name: test_name, case: module, module: module, tags: tags}
    Module.put_attribute(module, :ex_unit_tests, test)
    test_name
  end

  defp to_name(name) when is_binary(name), do: name
  defp to_name(name) when is_atom(name), do: Atom.to_string(name)

  defp to_name(name),
    do: raise(ArgumentError, "test name must be a string or an atom, got: #{inspect(name)}")

  # Accumulated tags come newest first; a later tag wins. A tag is an atom
  # (`@tag :slow` is `slow: true`), a keyword list or a map.
  defp merge_tags(acc, entries), do: Enum.reduce(Enum.reverse(entries), acc, &merge_tag/2)

  defp merge_tag(key, acc) when is_atom(key), do: put_tag(acc, key, true)
  defp merge_tag({key, value}, acc), do: put_tag(acc, key, value)
  defp merge_tag(tags, acc) when is_list(tags) or is_map(tags), do: Enum.reduce(tags, acc, &merge_tag/2)

  defp put_tag(_tags, key, _value) when key in @reserved,
    do: raise("cannot set tag #{inspect(key)} because it is reserved by ExUnit")

  defp put_tag(tags, key, value), do: Map.put(tags, key, value)

  defp registered_values(module) do
    registered = Module.get_attribute(module, :ex_unit_registered)

    values =
      Enum.reduce(registered.module ++ registered.describe ++ registered.test, %{}, fn name, acc ->
        Map.put(acc, name, Module.get_attribute(module, name))
      end)

    Enum.each(registered.test, fn name -> clear_attribute(module, name) end)
    values
  end

  @doc false
  def __clear_describe_attributes__(module) do
    Enum.each(Module.get_attribute(module, :ex_unit_registered).describe, fn name ->
      clear_attribute(module, name)
    end)
  end

  defp clear_attribute(module, name) do
    value = Module.delete_attribute(module, name)
    if is_list(value), do: Module.register_attribute(module, name, accumulate: true)
  end

  @doc "Registers an attribute whose value reaches tests as `context.registered`; cleared after each test."
  def register_attribute(env, name, opts \\ []), do: register(env, :test, name, opts)

  @doc "Like `register_attribute/3`, cleared after each describe block."
  def register_describe_attribute(env, name, opts \\ []), do: register(env, :describe, name, opts)

  @doc "Like `register_attribute/3`, never cleared."
  def register_module_attribute(env, name, opts \\ []), do: register(env, :module, name, opts)

  defp register(%{module: module}, kind, name, opts), do: register(module, kind, name, opts)

  defp register(module, kind, name, opts) when is_atom(module) and is_atom(name) do
    Module.register_attribute(module, name, opts)
    registered = Module.get_attribute(module, :ex_unit_registered)
    Module.put_attribute(module, :ex_unit_registered, Map.put(registered, kind, [name | Map.get(registered, kind)]))
  end

  defmacro __before_compile__(env) do
    tests = Module.get_attribute(env.module, :ex_unit_tests)
    async = Module.get_attribute(env.module, :ex_unit_async)
    test_module = %ExUnit.TestModule{file: env.file, name: env.module, tests: tests}
    # Plain data (the usual case) goes through the expansion as one binary.
    escaped = :beamlet_compiler.escape(test_module, :data) || Macro.escape(test_module)

    quote do
      def __ex_unit__, do: unquote(escaped)
      def __ex_unit__(:async, _), do: unquote(async)
      unquote(ExUnit.Callbacks.__callbacks__(env.module))
    end
  end

  def __after_compile__(%{module: module}, _bytecode) do
    if ExUnit.Server.started?() do
      ExUnit.Server.add_module(module)
    else
      raise "cannot use ExUnit.Case without starting the ExUnit application, please call ExUnit.start() or explicitly start the :ex_unit app"
    end
  end
end
