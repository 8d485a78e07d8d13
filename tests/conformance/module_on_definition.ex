# @on_definition: bare module and {module, fun} hooks, called for every
# def/defp/defmacro/defmacrop with the env, kind, name, args (defaults as
# written), guards (one per `when`) and body (the do-keyword list, nil for a head).
defmodule Hooks do
  def __on_definition__(env, kind, name, args, guards, body) do
    IO.inspect({env.module, env.function, env.line, kind, name, args, guards, body})
  end

  def brief(env, kind, name, args, guards, body) do
    IO.puts("brief #{inspect(env.module)} #{kind} #{name}/#{length(args)} guards=#{length(guards)} body?=#{body != nil}")
  end
end

defmodule Watched do
  @on_definition Hooks
  @on_definition {Hooks, :brief}
  IO.inspect(@on_definition)

  def a(x, y \\ 2) when is_integer(x) and x > 0, do: x + y
  defp b(%{k: v}), do: v
  defmacro c(q), do: q
  defmacrop d(q) when is_atom(q), do: q
  def e(x)

  def e(x) do
    b(%{k: x})
  rescue
    _ -> :error
  end

  def f(x) when x > 1 when x < 0, do: x
  def g, do: d(:ok)
end

IO.inspect(Watched.a(1))
IO.inspect(Watched.e(3))

defmodule Counter do
  def __on_definition__(_env, kind, name, args, _guards, _body) do
    Agent.update(:defs, &[{kind, name, length(args)} | &1])
  end
end

Agent.start_link(fn -> [] end, name: :defs)

defmodule Counted do
  @on_definition Counter
  def one, do: 1
  def two(a, b), do: a + b
  def two(a, b, c), do: a + b + c
end

IO.inspect(Agent.get(:defs, &Enum.reverse/1))

try do
  defmodule Bad do
    @on_definition {Hooks, :missing}
    def f, do: 1
  end
rescue
  e -> IO.inspect(e)
end
