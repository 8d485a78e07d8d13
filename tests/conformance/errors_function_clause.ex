defmodule Strict do
  def positive(n) when is_integer(n) and n > 0, do: n
  def pair({a, b}), do: a + b
  defp secret(:ok), do: :ok
  def call_secret(x), do: secret(x)
end

try do
  Strict.positive(-1)
rescue
  e in FunctionClauseError ->
    IO.puts(Exception.message(e))
    IO.inspect({e.module, e.function, e.arity})
end

try do
  Strict.pair([1, 2])
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  Strict.call_secret(:error)
rescue
  e -> IO.puts(Exception.message(e))
end

f = fn
  1 -> :one
  2 -> :two
end

try do
  f.(3)
rescue
  e in FunctionClauseError -> IO.inspect({:anonymous, e.__struct__, e.arity})
end

try do
  Enum.map([1, 2, 3], fn 1 -> :ok end)
rescue
  e -> IO.puts(e.__struct__ |> inspect())
end
IO.puts("done")
