# defguard's syntax errors are ArgumentErrors (it is a macro in Elixir);
# a macro and a function of one name and arity clash
sources = [
  "defmodule G1 do\n  defguard foo(value, 1) when is_integer(value)\nend",
  "defmodule G2 do\n  defguard(\"literal is bad\")\nend",
  "defmodule G3 do\n  defguard(Remote.call(is_bad))\nend",
  "defmodule G4 do\n  defguardp foo(bar, baz) when bar == 1 when baz == 2\nend",
  "defmodule G5 do\n  defguard foo(bar, baz) when bar in baz\nend",
  "defmodule G6 do\n  def foo(bar), do: bar\n  defmacro foo(bar), do: bar\nend",
  "defmodule G7 do\n  defmacro foo(), do: :ok\n  defoverridable foo: 0\n  def foo(), do: :invalid\nend",
  "defmodule G8 do\n  def foo(), do: :ok\n  defoverridable foo: 0\n  defmacro foo(), do: :invalid\nend"
]

for source <- sources do
  try do
    Code.eval_string(source)
    IO.puts("compiled")
  rescue
    e in [ArgumentError, CompileError] -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

defmodule G9 do
  defguard is_small(x) when is_integer(x) and x in [1, 2, 3]
  def check(x) when is_small(x), do: :small
  def check(_), do: :other
end

IO.inspect({G9.check(2), G9.check(5)})
