# A closure's function_clause error carries its arguments too (not what it
# captured): Exception.blame/3 lists them for "anonymous fn/N in M.f/A".
defmodule T do
  def a do
    f = fn
      1 -> :one
      2 -> :two
    end

    f.(3)
  end

  def b(y, z) do
    f = fn
      1, w -> {y, z, w}
      2, w when is_atom(w) -> w
    end

    f.(2, 0)
  end
end

for fun <- [&T.a/0, fn -> T.b(10, 20) end, fn -> Enum.map([1, :a], fn x when is_integer(x) -> x end) end] do
  try do
    fun.()
  rescue
    e ->
      [{_, _, args, _} | _] = __STACKTRACE__
      IO.inspect(args)
      {b, _} = Exception.blame(:error, e, __STACKTRACE__)
      IO.puts(Exception.message(b))
  end
end
