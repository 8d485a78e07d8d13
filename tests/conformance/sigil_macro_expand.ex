env = __ENV__
IO.inspect(Macro.expand(quote(do: ~s(a\tb)), env))
IO.inspect(Macro.expand(quote(do: ~S(a\tb)), env))
IO.inspect(Macro.expand(quote(do: ~w(x y z)a), env))
IO.inspect(Macro.expand(quote(do: ~c(hi)), env))

for bad <- [quote(do: ~w(a b)x), quote(do: ~W(a b)q)] do
  try do
    Code.eval_quoted(bad)
  rescue
    e in ArgumentError -> IO.puts("ArgumentError: " <> e.message)
  end
end

defmodule Strict do
  defmacro positive!(n) when is_integer(n) and n > 0, do: n
  defmacro positive!(n), do: raise(ArgumentError, "not positive: #{Macro.to_string(n)}")
end

try do
  Code.eval_string("require Strict; Strict.positive!(-1)")
rescue
  e in ArgumentError -> IO.puts("raised while expanding: " <> e.message)
end

{value, _} = Code.eval_string("require Strict; Strict.positive!(4)")
IO.inspect(value)
