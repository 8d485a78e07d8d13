defmodule Store do
  def handle({:get, k}, s), do: {Map.get(s, k), s}
  def handle({:put, k, v}, s), do: {:ok, Map.put(s, k, v)}
  def handle({:delete, k}, s), do: {:ok, Map.delete(s, k)}
  def handle({:get, k, default}, s), do: {Map.get(s, k, default), s}
  def handle({:incr, k}, s) when is_map_key(s, k), do: {:ok, Map.update!(s, k, &(&1 + 1))}
  def handle({:incr, k}, s), do: {:ok, Map.put(s, k, 1)}
  def handle({tag, _}, s) when is_atom(tag), do: {{:unknown, tag}, s}
  def handle({:clear}, _), do: {:ok, %{}}
  def handle({:size}, s), do: {map_size(s), s}
  def handle({:keys}, s), do: {Map.keys(s), s}
  def handle({:get, :special}, s), do: {:unreachable, s}
  def handle(:stop, s), do: {:bye, s}
  def handle(other, s), do: {{:bad, other}, s}

  def run(cmds), do: Enum.map_reduce(cmds, %{}, &handle/2)
end

{replies, final} =
  Store.run([
    {:put, :a, 1}, {:get, :a}, {:get, :b}, {:get, :b, 0}, {:incr, :a}, {:incr, :c}, {:size},
    {:keys}, {:delete, :a}, {:get, :special}, {:other, 1}, {"str", 1}, {:clear}, {:size},
    :stop, {1, 2, 3, 4}, {}, [:get, 1]
  ])
IO.inspect(replies)
IO.inspect(final)

classify = fn
  {:ok, v} -> {:good, v}
  {:error, :enoent} -> :missing
  {:error, reason} -> {:bad, reason}
  {:exit, r} -> {:died, r}
  {:ok, a, b} -> {:good2, a, b}
  {:noreply, _} -> :noreply
  {x, y} -> {:pair, x, y}
  _ -> :other
end
for v <- [{:ok, 1}, {:error, :enoent}, {:error, :eacces}, {:exit, :normal}, {:ok, 1, 2},
          {:noreply, 3}, {1, 2}, {:unknown, 5}, :ok, {:ok}] do
  IO.inspect(classify.(v))
end

result = fn msg ->
  case msg do
    {:add, a, b} -> a + b
    {:sub, a, b} -> a - b
    {:mul, a, b} -> a * b
    {:neg, a} -> -a
    {op, _, _} -> {:unsupported, op}
  end
end
IO.inspect(Enum.map([{:add, 1, 2}, {:sub, 5, 3}, {:mul, 4, 4}, {:neg, 7}, {:div, 1, 2}], result))
