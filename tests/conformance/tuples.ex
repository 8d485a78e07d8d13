t = {:a, :b, :c}
IO.inspect(t)
IO.inspect(elem(t, 0))
IO.inspect(elem(t, 2))
IO.inspect(tuple_size(t))
IO.inspect(tuple_size({}))
IO.inspect(put_elem(t, 1, :B))
IO.inspect(t)
IO.inspect({})
IO.inspect({1})
IO.inspect({1, {2, {3, {}}}})
IO.inspect({"str", 'cl', 1.0, nil, [a: 1]})
IO.inspect(put_elem({1, 2, 3}, 2, {:nested}))
IO.inspect(elem(elem({1, {2, 3}}, 1), 0))
IO.inspect(is_tuple({}))
IO.inspect({1, 2} == {1, 2})
IO.inspect({1, 2} == {1, 2.0})
IO.inspect({1, 2} === {1, 2.0})
point = {3, 4}
{x, y} = point
IO.puts("x=#{x} y=#{y}")
moved = put_elem(put_elem(point, 0, x + 1), 1, y - 1)
IO.inspect(moved)
records = [{:alice, 30}, {:bob, 25}, {:carol, 35}]
IO.inspect(Enum.map(records, &elem(&1, 1)))
IO.inspect(Enum.reduce(records, 0, fn {_, age}, acc -> acc + age end))
swap = fn {a, b} -> {b, a} end
IO.inspect(Enum.map(records, swap))
IO.inspect(elem({:only}, 0))
