# :erlang.phash2/1,2: OTP's exact values for every kind of term
terms = [0, 1, -1, 1000, 2 ** 27, 2 ** 27 - 1, -(2 ** 27), -(2 ** 27) - 1, 2 ** 60, 2 ** 64, -(2 ** 64), 2 ** 200,
         1.5, 0.0, -0.0, -3.25e10, :a, :abc, :"héllo", :"日本", true, nil, [], [1], [1, 2, 3], 'abcdefgh',
         'abcdefghi', [:a, :b], [1 | 2], [1, 2 | 3], [300, 1], {}, {1, 2}, {:a, [], "x"}, "", "abc",
         "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz0123", <<1::3>>, <<1, 2, 3::5>>, %{}, %{a: 1},
         %{a: 1, b: 2}, %{b: 2, a: 1}, %{"k" => [1, 2], {1} => %{x: 1}}, &Enum.map/2, &:lists.reverse/1,
         [[]], {[]}, {:a, []}, ["a"], [{}], {{}, {[]}}, %{[] => []}]
for t <- terms, do: IO.puts("#{inspect(t)} #{:erlang.phash2(t)}")
big = Map.new(1..40, &{&1, &1 * 2})
IO.inspect({:erlang.phash2(big), :erlang.phash2(Map.new(1..100, &{&1, &1}))})
IO.inspect(for r <- [1, 2, 7, 100, 1024, 4_294_967_296], do: :erlang.phash2({:key, 42}, r))
IO.inspect(Enum.map(1..10, &:erlang.phash2(&1, 16)))
IO.inspect(:erlang.phash2(Enum.to_list(1..1000)))
try do
  :erlang.phash2(1, 0)
rescue
  e -> IO.puts(Exception.message(e))
end
