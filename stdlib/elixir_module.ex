# The driver of module definitions and of scripts: what `defmodule` and
# `beamlet run` call. The compiling itself is done by the compiler's
# built-ins (`:beamlet_compiler`); this module sequences the steps, in the
# process that reached the `defmodule`, as Elixir's :elixir_module does.
defmodule :elixir_module do
  @moduledoc false

  # `defmodule name do body end`, when the program reaches it: the body is
  # expanded and run (binding holds the variables it sees, `[x: value]`),
  # then the `@before_compile` hooks run, then the module is compiled and
  # loaded and the `@after_compile` hooks are called.
  def compile(name, body, binding, env) when not is_atom(name) or name in [nil, true, false] do
    invalid_name(name, body, binding, env)
  end

  def compile(name, body, binding, env) when is_atom(name) do
    text = Atom.to_string(name)

    if String.contains?(text, ["/", "\\"]),
      do: invalid_name(name, body, binding, env),
      else: compile_module(name, body, binding, env)
  end

  defp invalid_name(name, _body, _binding, env) do
    raise CompileError,
      file: env.file,
      line: env.line,
      description: "invalid module name: #{inspect(name)}"
  end

  defp compile_module(Elixir, _body, _binding, env) do
    raise CompileError,
      file: env.file,
      line: env.line,
      description: "module Elixir is reserved and cannot be defined"
  end

  defp compile_module(name, body, binding, env) do
    opened = :beamlet_compiler.module_open(name, body, binding, env)

    # A body, hook or compilation that raises leaves the module undefined
    # (and no longer open: it can be defined again).
    {{result, object}, verify} =
      try do
        result =
          case opened do
            {:done, value} -> value
            {:run, fun} -> fun.(binding)
          end

        before_compile(name)
        {hooks, verify, on_load, object} = :beamlet_compiler.module_finish(name)
        on_load(name, on_load)
        after_compile(hooks, %{env | module: name})
        if hooks != [], do: :beamlet_compiler.module_close(name)
        {{result, object}, verify}
      catch
        kind, reason ->
          :beamlet_compiler.module_abort(name)
          :erlang.raise(kind, reason, __STACKTRACE__)
      end

    after_verify(name, verify)
    compiled(name, object)
    {:module, name, object, result}
  end

  # A body's `def` once an `@on_definition` was seen: the definition is
  # stored, then each hook is called in this process (it may read and set
  # attributes, send and receive), with the definition's env, kind, name,
  # arguments, guards and body.
  @doc false
  def define(module, kind, index, def, line) do
    case :beamlet_compiler.define(module, kind, index, def, line, true) do
      {hooks, args, result} ->
        call_hooks(hooks, args)
        result

      result ->
        result
    end
  end

  # `@after_verify` hooks (`{module, fun}`), called with the module's name
  # once it is verified: as in Elixir, at the end of the compilation that
  # defined it (the file, `Code.eval_string/3`...; see `verifying/1`), or at
  # once in a process compiling nothing else (a module defined by a spawned
  # process). The service keeps the waiting hooks, by process.
  # `Code.compile_string/2` and the like collect the modules finished in
  # their process, with their object code.
  defp compiled(name, object) do
    case Process.get(:"$beamlet_compiled") do
      nil -> :ok
      list -> Process.put(:"$beamlet_compiled", [{name, object} | list])
    end
  end

  defp after_verify(_name, []), do: :ok

  defp after_verify(name, hooks) do
    if not :beamlet_compiler.verify_defer(name, hooks), do: run_verify([{name, hooks}])
    :ok
  end

  # (Plain recursion: every script runs this, and need not load Enum.)
  defp run_verify([]), do: :ok

  defp run_verify([{name, hooks} | rest]) do
    call_hooks(hooks, [name])
    run_verify(rest)
  end

  defp call_hooks([], _args), do: :ok

  defp call_hooks([{module, fun} | rest], args) do
    apply(module, fun, args)
    call_hooks(rest, args)
  end

  # Runs `fun` as one compilation: the `@after_verify` hooks of the modules
  # defined meanwhile run when it returns (not when it raises, as in Elixir).
  @doc false
  def verifying(fun) do
    depth = :beamlet_compiler.verify_open()

    result =
      try do
        fun.()
      catch
        kind, reason ->
          :beamlet_compiler.verify_close(depth)
          :erlang.raise(kind, reason, __STACKTRACE__)
      end

    run_verify(:beamlet_compiler.verify_close(depth))
    result
  end

  # `@on_load fun`: called when the module is loaded (private or not, and
  # apart from this process, as the BEAM's code server does); anything but
  # `:ok` is reported.
  defp on_load(_name, nil), do: :ok
  defp on_load(name, {fun, 0}), do: on_load(name, fun)

  defp on_load(name, fun) do
    case :beamlet_compiler.run_on_load(name, fun) do
      :ok ->
        :ok

      other ->
        IO.warn("The on_load function for module #{inspect(name)} returned:\n#{inspect(other)}\n", [])
    end
  end

  defp before_compile(name) do
    case :beamlet_compiler.before_compile(name) do
      :done ->
        :ok

      :ok ->
        before_compile(name)

      {:run, fun} ->
        fun.([])
        before_compile(name)
    end
  end

  defp after_compile([], _env), do: :ok

  defp after_compile([{module, fun} | rest], env) do
    callback(module, fun, env)
    after_compile(rest, env)
  end

  defp after_compile([module | rest], env) do
    callback(module, :__after_compile__, env)
    after_compile(rest, env)
  end

  # A callback is called as code written `module.fun(env, bytecode)` would
  # be: a macro's expansion is evaluated in the module's environment.
  # beamlet has no object code to give: the bytecode is an empty binary.
  defp callback(module, fun, env) do
    Code.ensure_loaded(module)
    macro = :"MACRO-#{fun}"

    if not function_exported?(module, fun, 2) and function_exported?(module, macro, 3) do
      quoted = apply(module, macro, [env, env, ""])
      Code.eval_quoted(quoted, [], env)
    else
      apply(module, fun, [env, ""])
    end
  end

  # `beamlet run FILE`: the script is expanded whole, compiled, then run.
  # Then the hooks of `System.at_exit/1` run, newest first, each given the
  # exit status so far (hooks they register run too); a hook that exits
  # `{:shutdown, n}` makes the status n, one that raises makes it 1 (the
  # error is printed), as Elixir's Kernel.CLI does. A status other than 0
  # ends the run with it. A System.stop/1 or restart/0 asked for ends it
  # first, with no hooks run.
  def eval_file(source, file) do
    result =
      try do
        verifying(fn -> :beamlet_compiler.compile_file(source, file).([]) end)
      catch
        kind, reason ->
          stack = __STACKTRACE__
          at_exit_after_error(kind, reason)
          flush_logger()
          :erlang.raise(kind, reason, stack)
      end

    # Elixir's VM takes a moment to halt after the script: a linked
    # process that is about to crash still kills the script then (exit
    # status 1). Letting the runnable processes run once does the same.
    :erlang.yield()

    # System.stop/1 or System.restart/0 was asked for: it happens now.
    case :persistent_term.get(:beamlet_shutdown, nil) do
      nil -> :ok
      how -> System.__shut_down__(how)
    end

    # No holder: no hook was registered (and System need not be loaded).
    if Process.whereis(:beamlet_at_exit) != nil do
      case run_at_exit(0) do
        0 ->
          :ok

        status ->
          flush_logger()
          :erlang.halt(status)
      end
    end

    flush_logger()
    result
  end

  # Logger's events not written yet are, as Elixir's Logger writes them
  # when the VM stops.
  defp flush_logger do
    if Process.whereis(:beamlet_logger_config) != nil, do: Logger.flush()
    :ok
  end

  # The script ended with an uncaught error or exit: the hooks run with
  # the status it gives (1, or n for `exit({:shutdown, n})`, 0 for
  # `:normal` and `:shutdown`), then the error goes on to be reported. A
  # hook that changes the status (ExUnit's after `exit(:normal)`) ends the
  # run with its status.
  defp at_exit_after_error(kind, reason) do
    if Process.whereis(:beamlet_at_exit) != nil do
      status = error_status(kind, reason)

      case run_at_exit(status) do
        ^status -> :ok
        other -> :erlang.halt(other)
      end
    end
  end

  defp error_status(:exit, reason) when reason == :normal or reason == :shutdown, do: 0
  defp error_status(:exit, {:shutdown, n}) when is_integer(n), do: n
  defp error_status(:exit, {:shutdown, _}), do: 0
  defp error_status(_kind, _reason), do: 1

  defp run_at_exit(status) do
    case System.__take_at_exit__() do
      [] -> status
      hooks -> run_at_exit(run_hooks(hooks, status))
    end
  end

  defp run_hooks([], status), do: status
  defp run_hooks([hook | rest], status), do: run_hooks(rest, run_hook(hook, status))

  defp run_hook(hook, status) do
    try do
      hook.(status)
      status
    catch
      :exit, {:shutdown, n} when is_integer(n) ->
        n

      :exit, reason when reason == :normal or reason == :shutdown ->
        0

      :exit, {:shutdown, _} ->
        0

      kind, reason ->
        stack = __STACKTRACE__
        IO.write(:stderr, Exception.format(kind, reason, stack))
        1
    end
  end

  # `beamlet test`: as `mix test` does, ExUnit starts without autorun, the
  # helpers (`test_helper.exs`) run, the command line's options configure
  # it, each test file is compiled and run in turn (defining its test
  # modules), then the suite runs. Returns the number of failures.
  def run_tests(helpers, files, options) do
    ExUnit.start(autorun: false)
    Enum.each(helpers, fn {source, file} -> eval_source(source, file) end)
    ExUnit.configure(options)
    Enum.each(files, fn {source, file} -> eval_source(source, file) end)
    %{failures: failures} = ExUnit.run()
    failures
  end

  # The host's `Vm::eval`: the script run in a process of a runtime that
  # goes on after it (no `at_exit` hooks: the runtime does not end here).
  def host_eval(source, file), do: eval_source(source, file)

  # The host's `Vm::call` and `Vm::spawn`.
  def host_apply(module, function, args), do: apply(module, function, args)

  defp eval_source(source, file) do
    verifying(fn -> :beamlet_compiler.compile_file(source, file).([]) end)
  end

  # `beamlet check FILE`: the script is expanded whole and compiled, and
  # only its top-level modules are defined.
  def check_file(source, file) do
    verifying(fn -> :beamlet_compiler.check_file(source, file).([]) end)
  end
end
