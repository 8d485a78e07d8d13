defmodule ExUnit.Callbacks do
  @moduledoc "Test callbacks: `setup`, `setup_all`, `on_exit` and supervised test processes."

  # Setup callbacks are kept in module attributes, newest first:
  #   @ex_unit_setup_all [name], @ex_unit_setup [name] (outside describe blocks),
  #   @ex_unit_describe {line, message, index} while inside a describe block,
  #   @ex_unit_describe_setup [name] for the current describe block,
  #   @ex_unit_describes [{index, message, [name]}] for the finished ones.
  # A block callback becomes a private function `__ex_unit_setup_N`
  # (`__ex_unit_setup_all_N`, `__ex_unit_setup_I_N` in describe block I);
  # `__callbacks__/1` chains them into `__ex_unit__(:setup_all | :setup, context)`.

  @reserved [:module, :file, :line, :test, :async, :registered, :describe, :describe_line]

  defmacro __using__(_) do
    quote do
      @ex_unit_describe nil
      @ex_unit_setup []
      @ex_unit_setup_all []
      @ex_unit_describe_setup []
      @ex_unit_describes []
      @ex_unit_describe_names %{}
      import ExUnit.Callbacks
    end
  end

  @doc "A callback run before each test, in the test's process (a block, a function name or a list of them)."
  defmacro setup(block) do
    if Keyword.has_key?(block_keywords(block), :do) do
      define(:setup, quote(do: _), block)
    else
      quote do
        ExUnit.Callbacks.__setup__(__MODULE__, unquote(block))
      end
    end
  end

  @doc "Like `setup/1`, the block receiving the context matched against `context`."
  defmacro setup(context, block) do
    define(:setup, context, block)
  end

  @doc "A callback run once before the module's tests, in a process of its own."
  defmacro setup_all(block) do
    if Keyword.has_key?(block_keywords(block), :do) do
      define(:setup_all, quote(do: _), block)
    else
      quote do
        ExUnit.Callbacks.__setup_all__(__MODULE__, unquote(block))
      end
    end
  end

  @doc "Like `setup_all/1`, the block receiving the context matched against `context`."
  defmacro setup_all(context, block) do
    define(:setup_all, context, block)
  end

  defp block_keywords([{key, _} | _] = block) when is_atom(key), do: block
  defp block_keywords(_), do: []

  defp define(kind, context, block) do
    name = Macro.var(:ex_unit_callback_name, __MODULE__)

    register =
      if kind == :setup,
        do: quote(do: ExUnit.Callbacks.__setup__(__MODULE__)),
        else: quote(do: ExUnit.Callbacks.__setup_all__(__MODULE__))

    quote do
      unquote(name) = unquote(register)
      defp unquote({:unquote, [], [name]})(unquote(context)), unquote(block)
    end
  end

  @doc false
  # A block callback: returns the name of the function to define for it.
  def __setup__(module) do
    case Module.get_attribute(module, :ex_unit_describe) do
      nil ->
        callbacks = Module.get_attribute(module, :ex_unit_setup)
        name = :"__ex_unit_setup_#{length(callbacks)}"
        Module.put_attribute(module, :ex_unit_setup, [name | callbacks])
        name

      {_line, _message, index} ->
        callbacks = Module.get_attribute(module, :ex_unit_describe_setup)
        name = :"__ex_unit_setup_#{index}_#{length(callbacks)}"
        Module.put_attribute(module, :ex_unit_describe_setup, [name | callbacks])
        name
    end
  end

  @doc false
  # Named callbacks: `setup :name` or `setup [:a, :b]`.
  def __setup__(module, callbacks) do
    key =
      if Module.get_attribute(module, :ex_unit_describe) == nil,
        do: :ex_unit_setup,
        else: :ex_unit_describe_setup

    names = callback_names(callbacks)
    Module.put_attribute(module, key, Enum.reverse(names) ++ Module.get_attribute(module, key))
  end

  @doc false
  def __setup_all__(module) do
    no_describe!(module)
    callbacks = Module.get_attribute(module, :ex_unit_setup_all)
    name = :"__ex_unit_setup_all_#{length(callbacks)}"
    Module.put_attribute(module, :ex_unit_setup_all, [name | callbacks])
    name
  end

  @doc false
  def __setup_all__(module, callbacks) do
    no_describe!(module)
    names = callback_names(callbacks)
    existing = Module.get_attribute(module, :ex_unit_setup_all)
    Module.put_attribute(module, :ex_unit_setup_all, Enum.reverse(names) ++ existing)
  end

  defp no_describe!(module) do
    if Module.get_attribute(module, :ex_unit_describe) do
      raise "cannot invoke setup_all/1-2 inside describe as setup_all always applies to all tests in a module"
    end
  end

  defp callback_names(callbacks) do
    Enum.map(List.wrap(callbacks), fn
      name when is_atom(name) ->
        name

      other ->
        raise ArgumentError,
              "setup/setup_all expect a callback name as an atom or a list of callback names, got: #{inspect(other)}"
    end)
  end

  @doc false
  def __describe__(module, line, message) do
    if Module.get_attribute(module, :ex_unit_describe) do
      raise "cannot call \"describe\" inside another \"describe\". See the documentation for ExUnit.Case.describe/2 on named setups and how to handle hierarchies"
    end

    unless is_binary(message) do
      raise ArgumentError, "describe name must be a string, got: #{inspect(message)}"
    end

    names = Module.get_attribute(module, :ex_unit_describe_names)

    if Map.has_key?(names, message) do
      raise ExUnit.DuplicateDescribeError,
            "describe #{inspect(message)} is already defined in #{inspect(module)}"
    end

    Module.put_attribute(module, :ex_unit_describe_names, Map.put(names, message, true))
    index = length(Module.get_attribute(module, :ex_unit_describes))
    Module.put_attribute(module, :ex_unit_describe, {line, message, index})
    Module.put_attribute(module, :ex_unit_describe_setup, [])
  end

  @doc false
  def __end_describe__(module) do
    {_line, message, index} = Module.get_attribute(module, :ex_unit_describe)
    callbacks = Enum.reverse(Module.get_attribute(module, :ex_unit_describe_setup))
    describes = Module.get_attribute(module, :ex_unit_describes)
    Module.put_attribute(module, :ex_unit_describes, [{index, message, callbacks} | describes])
    Module.put_attribute(module, :ex_unit_describe, nil)
    Module.delete_attribute(module, :describetag)
    ExUnit.Case.__clear_describe_attributes__(module)
  end

  @doc false
  # The code of `__ex_unit__(:setup_all | :setup, context)` and of one
  # `__ex_unit_describe_I/1` per describe block with callbacks.
  def __callbacks__(module) do
    setup_all = Enum.reverse(Module.get_attribute(module, :ex_unit_setup_all))
    setup = Enum.reverse(Module.get_attribute(module, :ex_unit_setup))
    describes = Enum.filter(Module.get_attribute(module, :ex_unit_describes), fn {_, _, cbs} -> cbs != [] end)
    context = Macro.var(:context, __MODULE__)

    dispatch =
      case describes do
        [] ->
          []

        _ ->
          clauses =
            Enum.map(describes, fn {index, message, _} ->
              {:->, [], [[{:%{}, [], [describe: message]}], {:"__ex_unit_describe_#{index}", [], [context]}]}
            end)

          [{:case, [], [context, [do: clauses ++ [{:->, [], [[{:_, [], nil}], context]}]]]}]
      end

    # Like Elixir's, these functions have no location in stack traces (line 0).
    describe_functions =
      Enum.map(describes, fn {index, _message, callbacks} ->
        zero_lines(
          quote do
            defp unquote(:"__ex_unit_describe_#{index}")(unquote(context)) do
              unquote(chain(callbacks, [], context))
            end
          end
        )
      end)

    quote do
      def __ex_unit__(:setup_all, unquote(context)), do: unquote(chain(setup_all, [], context))
      def __ex_unit__(:setup, unquote(context)), do: unquote(chain(setup, dispatch, context))
      unquote_splicing(describe_functions)
    end
  end

  # `context = merge(cb1(context)); ...; last` with the last step in tail position.
  defp chain(callbacks, tail, context) do
    steps =
      Enum.map(callbacks, fn name ->
        quote do
          ExUnit.Callbacks.__merge__(__MODULE__, unquote(context), unquote(name)(unquote(context)))
        end
      end) ++ tail

    case steps do
      [] ->
        context

      _ ->
        {init, [last]} = Enum.split(steps, length(steps) - 1)
        assigns = Enum.map(init, fn step -> quote(do: unquote(context) = unquote(step)) end)
        {:__block__, [], assigns ++ [last]}
    end
  end

  defp zero_lines({name, meta, args}) when is_list(meta),
    do: {zero_lines(name), Keyword.put(meta, :line, 0), zero_lines(args)}

  defp zero_lines({left, right}), do: {zero_lines(left), zero_lines(right)}
  defp zero_lines(list) when is_list(list), do: Enum.map(list, &zero_lines/1)
  defp zero_lines(other), do: other

  @doc false
  def __merge__(_module, context, :ok), do: context

  def __merge__(module, context, {:ok, value}) when is_list(value) or is_map(value),
    do: __merge__(module, context, value)

  def __merge__(module, context, value) when is_list(value), do: merge(module, context, Map.new(value))

  def __merge__(module, _context, %{__struct__: _} = value), do: raise_merge_failed!(module, value)
  def __merge__(module, context, value) when is_map(value), do: merge(module, context, value)
  def __merge__(module, _context, value), do: raise_merge_failed!(module, value)

  defp merge(module, context, data) do
    Enum.reduce(Map.to_list(data), context, fn {key, value}, acc ->
      if key in @reserved and Map.has_key?(acc, key) and Map.get(acc, key) != value do
        raise_merge_reserved!(module, key, value)
      end

      Map.put(acc, key, value)
    end)
  end

  defp raise_merge_failed!(module, value) do
    raise "expected ExUnit callback in #{inspect(module)} to return :ok | keyword | map, got #{inspect(value)} instead"
  end

  defp raise_merge_reserved!(module, key, value) do
    raise "ExUnit callback in #{inspect(module)} is trying to set reserved field #{inspect(key)} to #{inspect(value)}"
  end

  @doc "Registers `callback` to run, in another process, once the test (or the module, from `setup_all`) ends."
  def on_exit(name_or_ref \\ make_ref(), callback) when is_function(callback, 0) do
    case ExUnit.Server.call({:on_exit, self(), name_or_ref, callback}) do
      :ok -> :ok
      :error -> raise ArgumentError, "on_exit/2 callback can only be invoked from the test process"
    end
  end

  @doc "Starts a child under the test's supervisor: `{:ok, pid}` or `{:error, reason}`."
  def start_supervised(child_spec_or_module, opts \\ []) do
    sup = test_supervisor()
    spec = Supervisor.child_spec(child_spec_or_module, opts)

    case Supervisor.start_child(sup, spec) do
      {:error, {:already_started, _pid}} -> {:error, {:duplicate_child_name, spec.id}}
      {:error, :already_present} -> {:error, {:duplicate_child_name, spec.id}}
      other -> other
    end
  end

  @doc "Like `start_supervised/2`, returning the pid or raising."
  def start_supervised!(child_spec_or_module, opts \\ []) do
    case start_supervised(child_spec_or_module, opts) do
      {:ok, pid} -> pid
      {:ok, pid, _info} -> pid
      {:error, reason} -> raise "failed to start child with the spec #{inspect(child_spec_or_module)}.\nReason: #{inspect(reason)}"
    end
  end

  @doc "Like `start_supervised!/2`, also linking the child to the test process."
  def start_link_supervised!(child_spec_or_module, opts \\ []) do
    pid = start_supervised!(child_spec_or_module, opts)
    Process.link(pid)
    pid
  end

  @doc "Stops a child started with `start_supervised/2`."
  def stop_supervised(id) do
    sup = test_supervisor()

    case Supervisor.terminate_child(sup, id) do
      :ok -> Supervisor.delete_child(sup, id)
      {:error, :not_found} -> {:error, :not_found}
    end
  end

  @doc "Like `stop_supervised/1`, raising when there is no such child."
  def stop_supervised!(id) do
    case stop_supervised(id) do
      :ok -> :ok
      {:error, :not_found} -> raise "could not stop child ID #{inspect(id)} because it was not found"
    end
  end

  # The test supervisor is started on first use, linked to the test process;
  # the runner stops it when the test ends, before the on_exit callbacks.
  defp test_supervisor do
    case ExUnit.fetch_test_supervisor() do
      {:ok, sup} ->
        sup

      :error ->
        {:ok, sup} = Supervisor.start_link([], strategy: :one_for_one, max_restarts: 1_000_000, max_seconds: 1)
        ExUnit.Server.call({:put_supervisor, self(), sup})
        sup
    end
  end
end
