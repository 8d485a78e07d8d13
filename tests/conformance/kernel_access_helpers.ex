# Kernel: .. as a value, then/tap, binding, and the map/tuple helpers.
IO.inspect(..)
IO.inspect(Enum.to_list(..))
IO.inspect(String.slice("hello", ..))
full = ..
IO.inspect({full.first, full.last, full.step})

IO.inspect(5 |> then(&(&1 * 3)))
IO.inspect(%{a: 1} |> then(&Map.put(&1, :b, 2)))
IO.inspect(:value |> tap(&IO.inspect(&1, label: "tapped")))
IO.inspect([1, 2] |> tap(fn _ -> :ignored end) |> Enum.sum())

x = 1
y = :two
_hidden = 3
IO.inspect(binding())
var!(z, :ctx) = 4
IO.inspect(binding(:ctx))

IO.inspect(is_map_key(%{a: 1}, :a))
IO.inspect(is_map_key(%{a: 1}, :b))
IO.inspect(max(1, 2.0))
IO.inspect(min("a", :a))
IO.inspect(max(%{}, {}))
IO.inspect(elem({:a, :b}, 0))
IO.inspect(put_elem({:a, :b}, 1, :c))
IO.inspect(to_charlist(:atom))
IO.inspect(to_charlist(123))
IO.inspect(to_charlist("héllo"))
IO.inspect([1, [2], 3] |> (List.flatten() |> Enum.map(&(&1 * 2))))

for f <- [
      fn -> elem({:a}, 1) end,
      fn -> put_elem(:a, 0, 1) end,
      fn -> is_map_key([], :a) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
