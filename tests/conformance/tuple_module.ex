# Tuple: every function of the module, elem/put_elem, and their errors.
t = {:a, :b, :c}

IO.inspect(Tuple.to_list(t))
IO.inspect(Tuple.to_list({}))
IO.inspect(Tuple.append(t, :d))
IO.inspect(Tuple.append({}, 1))
IO.inspect(Tuple.duplicate(:x, 3))
IO.inspect(Tuple.duplicate(:x, 0))
IO.inspect(Tuple.insert_at(t, 0, :first))
IO.inspect(Tuple.insert_at(t, 3, :last))
IO.inspect(Tuple.insert_at(t, 1, [1]))
IO.inspect(Tuple.delete_at(t, 0))
IO.inspect(Tuple.delete_at(t, 2))
IO.inspect(Tuple.sum({1, 2, 3.5}))
IO.inspect(Tuple.sum({}))
IO.inspect(Tuple.product({2, 3, 4}))
IO.inspect(Tuple.product({}))
IO.inspect(elem(t, 1))
IO.inspect(put_elem(t, 2, :z))
IO.inspect(tuple_size(Tuple.duplicate(0, 100)))

mod = Tuple
IO.inspect(mod.insert_at({1}, 0, 0))
IO.inspect(mod.delete_at({1, 2}, 1))
IO.inspect(mod.duplicate(1, 2))
IO.inspect(mod.append({1}, 2))
IO.inspect(apply(Tuple, :sum, [{5, 5}]))
IO.inspect(Enum.map([{1, 2}, {3, 4}], &Tuple.product/1))

for f <- [
      fn -> Tuple.insert_at(t, 4, :x) end,
      fn -> Tuple.insert_at(t, -1, :x) end,
      fn -> Tuple.insert_at([1], 0, :x) end,
      fn -> Tuple.insert_at(t, :a, :x) end,
      fn -> Tuple.delete_at(t, 3) end,
      fn -> Tuple.delete_at({}, 0) end,
      fn -> Tuple.delete_at(:t, 0) end,
      fn -> Tuple.duplicate(:x, -1) end,
      fn -> Tuple.append([1], 2) end,
      fn -> Tuple.to_list([1]) end,
      fn -> Tuple.sum({1, :a}) end,
      fn -> Tuple.product([2]) end,
      fn -> elem(t, 3) end,
      fn -> elem([1], 0) end,
      fn -> put_elem(t, 5, 0) end,
      fn -> :erlang.delete_element(:a, t) end,
      fn -> :erlang.insert_element(0, :t, 1) end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
