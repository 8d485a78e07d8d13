{:ok, result} = {:ok, 42}
IO.inspect(result)
{a, {b, {c, d}}} = {1, {2, {3, 4}}}
IO.inspect([a, b, c, d])
{} = {}
{single} = {:only}
IO.inspect(single)

handle = fn
  {:ok, v} -> "ok: #{v}"
  {:error, reason} when is_atom(reason) -> "error atom: #{reason}"
  {:error, reason} -> "error: #{inspect(reason)}"
  {_, _, _} -> "triple"
  t when is_tuple(t) -> "tuple of #{tuple_size(t)}"
  _ -> "not a tuple"
end

Enum.each(
  [{:ok, 1}, {:error, :timeout}, {:error, "boom"}, {1, 2, 3}, {1, 2, 3, 4}, {}, [1, 2]],
  fn v -> IO.puts(handle.(v)) end
)

swap = fn {x, y} -> {y, x} end
IO.inspect(swap.({:l, :r}))
{:point, x, y} = {:point, 3, -4}
IO.inspect(x * x + y * y)
