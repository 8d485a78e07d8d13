# term_to_binary / binary_to_term: the BEAM's bytes, compression, options, errors
terms = [:abc, :"héllo", :"日本", true, nil, [], [1, 2, 3], [1, :a], [1 | 2], 'abc', "abc", <<1::3>>,
         <<1, 2::4>>, 0, 255, 256, 300, -5, 2_000_000_000, -2_147_483_648, 2 ** 40, -(2 ** 70), 2 ** 2100,
         1.5, -0.0, 1.0e300, {}, {1}, {:ok, "x", [1.5]}, %{}, %{a: 1, b: [2]}, %{"k" => {1, 2}, 1 => 2},
         List.duplicate(1, 300), List.duplicate(:x, 3), Tuple.duplicate(0, 300), &Enum.map/2, [[]], ["a" | "b"]]
for t <- terms do
  bin = :erlang.term_to_binary(t)
  back = :erlang.binary_to_term(bin)
  IO.puts("#{inspect(bin, limit: 40)} #{back === t} #{:erlang.external_size(t) == byte_size(bin)}")
end
IO.inspect(:erlang.term_to_binary(List.duplicate(1, 300), [:compressed]))
IO.inspect(:erlang.term_to_binary(String.duplicate("ab", 20), compressed: 9))
IO.inspect(:erlang.term_to_binary(String.duplicate("ab", 10), [:compressed]))
IO.inspect(for n <- 10..14, do: byte_size(:erlang.term_to_binary(String.duplicate("a", n), [:compressed])))
IO.inspect(:erlang.term_to_binary(:abc, minor_version: 2))
IO.inspect(:erlang.term_to_binary(1.5, minor_version: 0))
IO.inspect(:erlang.term_to_binary({:a, 1}, [:deterministic]))
big = Enum.to_list(1..1000)
IO.inspect(:erlang.binary_to_term(:erlang.term_to_binary(big, [:compressed])) == big)
IO.inspect(:erlang.binary_to_term(<<131, 100, 0, 3, 97, 98, 99, 1, 2>>, [:used]))
IO.inspect(:erlang.binary_to_term(<<131, 119, 3, 97, 98, 99>>, [:safe]))
IO.inspect(:erlang.binary_to_term(<<131, 115, 2, 104, 105>>))
IO.inspect(:erlang.binary_to_term(<<131, 99, "1.50000000000000000000e+00", 0, 0, 0, 0, 0>>))
f = :erlang.binary_to_term(:erlang.term_to_binary(fn x -> x * 2 end))
IO.inspect(f.(21))
t = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
t.(fn -> :erlang.binary_to_term(<<131, 1>>) end)
t.(fn -> :erlang.binary_to_term(<<131, 104, 2, 97>>) end)
t.(fn -> :erlang.binary_to_term(:a) end)
t.(fn -> :erlang.binary_to_term(<<1, 2>>) end)
t.(fn -> :erlang.binary_to_term(<<131, 100, 0, 7, "zzqqxxw">>, [:safe]) end)
t.(fn -> :erlang.term_to_binary(1, [:bogus]) end)
t.(fn -> :erlang.term_to_binary(1, compressed: 10) end)
