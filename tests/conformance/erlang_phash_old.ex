# :erlang.phash/2, the BEAM's old hash (OTP's :sets and :dict v1 buckets): exact values for every kind of term.
import Bitwise
terms = [:a, :abc, :"héllo", :"", 0, 1, -1, 255, 256, 65536, 1 <<< 31, 1 <<< 32, 1 <<< 40, -(1 <<< 40), 1 <<< 59, 1 <<< 60,
  1 <<< 64, -(1 <<< 70), 123456789012345678901234567890, 1.5, 0.0, -0.0, -2.25e300, 1.0e-300, "", "abc", <<1::3>>, <<1, 2, 3::5>>,
  [], [1, 2, 3], 'hello', [:a, :b], [1 | 2], [:a | :b], [1, :a, 2], [[1], [2, [3]]], [300, 1], 'ab' ++ [:x], {}, {1, 2},
  {:a, [1, {2, "x"}]}, %{}, %{a: 1}, %{"k" => [1]}, String.duplicate("x", 100)]
for t <- terms do
  IO.puts("#{inspect(t, limit: 5)} #{:erlang.phash(t, 4294967296)} #{:erlang.phash(t, 16)} #{:erlang.phash(t, 1)}")
end
for r <- [0, -1, 4294967297, :a] do
  try do
    :erlang.phash(:x, r)
  rescue
    e -> IO.puts(Exception.format_banner(:error, e))
  end
end
