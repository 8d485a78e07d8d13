# Macro.Env functions: aliases, imports, requires, variables, contexts, stack traces
defmodule Twice do
  defmacro twice(x), do: quote(do: unquote(x) * 2)

  defmacro where(x) do
    IO.inspect({Macro.Env.in_match?(__CALLER__), Macro.Env.in_guard?(__CALLER__), Macro.Env.vars(__CALLER__)})
    x
  end
end

defmodule EnvDemo do
  alias String, as: S
  alias Foo.Bar
  require Integer
  import Integer, only: [pow: 2]
  import Twice

  def run(arg) do
    env = __ENV__
    IO.inspect({Macro.Env.fetch_alias(env, :S), Macro.Env.fetch_alias(env, :Bar), Macro.Env.fetch_alias(env, :Nope)})
    IO.inspect(Macro.Env.fetch_macro_alias(env, :S))
    IO.inspect(Macro.Env.lookup_import(env, {:pow, 2}))
    IO.inspect(Macro.Env.lookup_import(env, {:twice, 1}))
    IO.inspect(Macro.Env.lookup_import(env, {:+, 2}))
    IO.inspect(Macro.Env.lookup_import(env, {:if, 2}))
    IO.inspect(Macro.Env.lookup_import(env, {:nope, 3}))
    IO.inspect(Enum.map([Integer, Twice, EnvDemo, Kernel, String], &Macro.Env.required?(env, &1)))
    IO.inspect({Macro.Env.has_var?(env, {:arg, nil}), Macro.Env.has_var?(env, {:other, nil}), Macro.Env.vars(env)})
    IO.inspect(Macro.Env.location(env) |> Keyword.delete(:file))
    IO.inspect(Macro.Env.stacktrace(%{env | file: "demo.ex"}))
    IO.inspect({Macro.Env.in_match?(env), Macro.Env.in_guard?(env), Macro.Env.to_match(env).context})
    IO.inspect(Macro.Env.prepend_tracer(%{env | tracers: [A]}, B).tracers)
    IO.inspect(Macro.Env.prune_compile_info(%{env | tracers: [A], lexical_tracker: :t}) |> Map.take([:tracers, :lexical_tracker]))
    twice(pow(arg, 2))
  end

  def guarded(a, b) when where(a) do
    case b do
      where(c) -> c
    end
  end
end

IO.inspect(EnvDemo.run(3))
IO.inspect(EnvDemo.guarded(true, 5))
env = %{__ENV__ | file: "top.ex", line: 12}
IO.inspect(Macro.Env.stacktrace(env))
IO.inspect(Macro.Env.stacktrace(%{env | module: Mod}))
IO.inspect(Macro.Env.stacktrace(%{env | module: Mod, function: {:fun, 2}}))
IO.inspect(Macro.Env.location(env))

try do
  Macro.Env.vars(%{})
rescue
  e in FunctionClauseError -> IO.puts("#{inspect(e.module)}.#{e.function}/#{e.arity}")
end
