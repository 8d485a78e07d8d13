# :erlang odds and ends: tuples, binaries, conversions, list_to_float, iolist_size
IO.inspect({:erlang.make_tuple(3, 0, [{2, :x}, {3, :y}]), :erlang.make_tuple(2, :a), :erlang.append_element({1}, 2)})
IO.inspect({:erlang.insert_element(1, {1}, 2), :erlang.delete_element(1, {1, 2})})
IO.inspect({:erlang.split_binary("hello", 2), :erlang.split_binary("hi", 0), :erlang.binary_to_list("abcde", 2, 4)})
IO.inspect({:erlang.iolist_size([1, "ab", [3, ["cd"]]]), :erlang.integer_to_list(255, 16), :erlang.list_to_integer('-ff', 16)})
IO.inspect({:erlang.float_to_list(0.1, [:short]), :erlang.list_to_float('2.5e-3'), :erlang.atom_to_binary(:abc, :utf8)})
IO.inspect({:erlang.max(1, 2.0), :erlang.min(:a, 1), :erlang.abs(-3), :erlang.trunc(-2.7), :erlang.round(2.5)})
IO.inspect({:erlang.convert_time_unit(1, :second, :millisecond), :erlang.convert_time_unit(1500, :millisecond, :second)})
IO.inspect({:erlang.md5_final(:erlang.md5_update(:erlang.md5_init(), ["a", "bc"])) == :erlang.md5("abc")})
{m, s, us} = :erlang.timestamp()
IO.inspect(is_integer(m) and s < 1_000_000 and us < 1_000_000)
IO.inspect({hd(:erlang.pid_to_list(self())), :erlang.yield(), :erlang.garbage_collect()})
{{y, mo, d}, {h, mi, se}} = :erlang.localtime()
IO.inspect(y > 2000 and mo in 1..12 and d in 1..31 and h in 0..23 and mi in 0..59 and se in 0..60)
IO.inspect({tuple_size(:erlang.date()), tuple_size(:erlang.time()), is_integer(:erlang.memory(:total))})
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
t.(fn -> :erlang.split_binary("hi", 3) end)
t.(fn -> :erlang.split_binary(:a, 0) end)
t.(fn -> :erlang.list_to_float('1') end)
t.(fn -> :erlang.list_to_float(:a) end)
t.(fn -> :erlang.binary_to_float(:a) end)
t.(fn -> :erlang.iolist_size([:a]) end)
