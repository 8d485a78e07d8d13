# A macro that raises while it expands: a compile error at the call, with the exception's message.
defmodule Strict do
  defmacro positive!(n) when is_integer(n) and n > 0, do: n
  defmacro positive!(n), do: raise(ArgumentError, "expected a positive literal, got: #{Macro.to_string(n)}")
end

defmodule UsesStrict do
  require Strict
  def f, do: Strict.positive!(-3)
end
