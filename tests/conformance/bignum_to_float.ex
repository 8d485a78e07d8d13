# A bignum becomes a float as erts' big_to_double computes it (64-bit digits from the
# most significant, rounding at each step), which is not always the nearest float:
# :erlang.float/1, mixed arithmetic, division, :math and float segments agree.
import Bitwise

for n <- [405331553746586206669, -405331553746586206669, 175585163061147746478,
          57174945561392033684, (1 <<< 64) + 1, (1 <<< 70) - 1, 123456789012345678901234567890,
          (1 <<< 59) + 1, (1 <<< 62) + 3, -(1 <<< 100) - 12345] do
  IO.puts(Enum.join([n, :erlang.float(n), n / 3, n * 1.0, n + 0.5, n / -317788, :math.sqrt(abs(n)),
                     inspect(<<n::float>>), Float.round(n / 7, 3), round(n / 3)], " "))
end

try do
  :erlang.float(1 <<< 1100)
rescue
  e -> IO.inspect(e)
end

try do
  :erlang.float(:a)
rescue
  e -> IO.inspect(e)
end
