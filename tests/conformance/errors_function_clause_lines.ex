# No clause matched: a named function's error is at its first clause's line, an
# anonymous function's at its `fn`, as in Elixir.
defmodule F do
  def a(1), do: :one

  def a(2) do
    :two
  end

  def a(3) when is_nil(3),
    do: :three

  defp b(x) when x > 0,
    do: x
  defp b(:zz), do: 1
  def c(x), do: [b(x) + 1]

  def d(x) do
    f =
      fn
        1 -> :one
        2 ->
          :two
      end
    Enum.map([x], f)
  end

  def e(x, y) do
    Enum.map([x], fn 1 -> :one end) ++ [y]
  end
end
for {f, a} <- [a: [4], c: [-1], d: [3], e: [3, 1]] do
  try do
    apply(F, f, a)
  rescue
    e ->
      frames = for {F, name, arity, loc} <- __STACKTRACE__, do: {name, arity, loc[:line]}
      IO.inspect({f, e.__struct__, frames})
  end
end
