classify = fn value ->
  case value do
    0 -> "zero"
    n when is_integer(n) and n < 0 -> "negative int"
    n when is_integer(n) -> "positive int"
    f when is_float(f) -> "float #{f}"
    {:ok, inner} -> "ok wrapping #{inspect(inner)}"
    [_ | _] = l -> "list of #{length(l)}"
    _ -> "something else"
  end
end

for v <- [0, -3, 8, 2.5, {:ok, [1]}, [1, 2, 3], :x, []] do
  IO.puts(classify.(v))
end

result =
  case {1, 2, 3} do
    {4, 5, 6} -> :no
    {1, x, 3} when x > 5 -> :guard_failed
    {1, x, 3} -> x * 100
  end
IO.inspect(result)

x = 5
case 10 do
  ^x -> IO.puts("ten is x")
  x -> IO.puts("bound new x = #{x}")
end
IO.inspect(x)

msg = case Map.fetch(%{a: 1}, :b) do
  {:ok, v} -> "found #{v}"
  :error -> "missing"
end
IO.puts(msg)

case "text" do
  s when is_binary(s) and byte_size(s) > 3 -> IO.puts("long string")
  _ -> IO.puts("short")
end
