# float_to_binary/list with every option, binary_to_float/list_to_float
for x <- [0.0, -0.0, 1.0, 3.14159, 1.0e20, 1.0e-10, -2.5, 0.125, 123456789.0, 2.675, 0.1, 1.0e15, 5.0e-324] do
  IO.inspect({x, :erlang.float_to_binary(x), :erlang.float_to_binary(x, [:short]), :erlang.float_to_binary(x, decimals: 2),
              :erlang.float_to_binary(x, [{:decimals, 4}, :compact]), :erlang.float_to_binary(x, scientific: 3),
              :erlang.float_to_binary(x, decimals: 0), :erlang.float_to_list(x, [:compact, decimals: 10])})
end
IO.inspect(for x <- [0.5, 1.5, 2.5, -0.5, 0.45, 9.995, 99.5], do: {:erlang.float_to_binary(x, decimals: 0), :erlang.float_to_binary(x, decimals: 2)})
IO.inspect(for x <- [1.5, 9.9999, 0.00015, 2.5e-5], do: :erlang.float_to_binary(x, scientific: 1))
IO.inspect(for e <- [15, 17, 22, 23, 50], do: :erlang.float_to_binary(:math.pow(10, e) * 1.5, decimals: 2))
IO.inspect({:erlang.float_to_list(3.5), :erlang.float_to_list(3.5, scientific: 3)})
IO.inspect({:erlang.float_to_binary(1.0, decimals: 2, scientific: 2), :erlang.float_to_binary(1.0, scientific: 2, decimals: 2)})
IO.inspect({:erlang.float_to_binary(1.0, [:compact]), :erlang.float_to_binary(1.0, [:compact, scientific: 3])})
IO.inspect({byte_size(:erlang.float_to_binary(1.0, decimals: 253)), byte_size(:erlang.float_to_binary(1.0, scientific: 249))})
IO.inspect({:erlang.binary_to_float("1.0e5"), :erlang.binary_to_float("-1.5"), :erlang.binary_to_float("+2.25E-2"), :erlang.list_to_float('-1.5')})
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
t.(fn -> :erlang.float_to_binary(1) end)
t.(fn -> :erlang.float_to_binary(1.0, [:bad]) end)
t.(fn -> :erlang.float_to_binary(1.0, decimals: 254) end)
t.(fn -> :erlang.float_to_binary(1.0e300, decimals: 2) end)
t.(fn -> :erlang.float_to_binary(-1.0e251, decimals: 2) end)
t.(fn -> :erlang.binary_to_float("1") end)
t.(fn -> :erlang.binary_to_float("1.e5") end)
t.(fn -> :erlang.binary_to_float(".5") end)
t.(fn -> :erlang.list_to_float('abc') end)
