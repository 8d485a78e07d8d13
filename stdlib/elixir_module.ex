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
  def compile(name, body, binding, env) do
    result =
      case :beamlet_compiler.module_open(name, body, binding, env) do
        {:done, value} -> value
        {:run, fun} -> fun.(binding)
      end

    before_compile(name)
    hooks = :beamlet_compiler.module_finish(name)
    after_compile(hooks, %{env | module: name})
    {:module, name, nil, result}
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
    apply(module, fun, [env, nil])
    after_compile(rest, env)
  end

  defp after_compile([module | rest], env) do
    apply(module, :__after_compile__, [env, nil])
    after_compile(rest, env)
  end

  # `beamlet run FILE`: the script is expanded whole, compiled, then run.
  def eval_file(source, file) do
    fun = :beamlet_compiler.compile_file(source, file)
    fun.([])
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

  defp eval_source(source, file) do
    fun = :beamlet_compiler.compile_file(source, file)
    fun.([])
  end

  # `beamlet check FILE`: the script is expanded whole and compiled, and
  # only its top-level modules are defined.
  def check_file(source, file) do
    fun = :beamlet_compiler.check_file(source, file)
    fun.([])
  end
end
