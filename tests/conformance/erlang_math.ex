# :math: every function, values and the BEAM's errors
IO.inspect([:math.sin(1), :math.cos(1), :math.tan(1), :math.asin(0.5), :math.acos(0.5), :math.atan(1), :math.atan2(1, 2)])
IO.inspect([:math.sinh(1), :math.cosh(1), :math.tanh(1), :math.asinh(1), :math.acosh(2), :math.atanh(0.5)])
IO.inspect([:math.exp(1), :math.log(10), :math.log2(8), :math.log10(1000), :math.log(2.5)])
IO.inspect([:math.erf(1), :math.erfc(1), :math.erf(0.5), :math.erf(-2.5), :math.erfc(3)])
IO.inspect([:math.fmod(7, 3), :math.fmod(-7.5, 2), :math.fmod(7.5, -2), :math.ceil(-0.5), :math.ceil(1.2), :math.floor(3), :math.floor(-1.5)])
IO.inspect([:math.pow(2, 0.5), :math.pow(2, 10), :math.pow(-2, 3), :math.pow(0, 0), :math.sqrt(16), :math.sqrt(2), :math.pi()])
IO.inspect([:math.sin(0), :math.cos(:math.pi()), :math.atan2(0, 0), :math.atan2(-1, -1), :math.ceil(10 ** 20), :math.sqrt(10 ** 30)])
IO.inspect([:math.log(1), :math.exp(0), :math.tanh(100), :math.atan(1.0e300), :math.asinh(-1)])
for {f, args} <- [log: [0], sqrt: [-1], sqrt: [:a], pow: [10.0, 400], acos: [2], fmod: [1, 0], exp: [1000],
                  log2: [-1], pow: [0, -1], acosh: [0.5], atanh: [1], log10: [0], asin: [2], cosh: [1000],
                  sinh: [1000], tan: [:x], atan2: [:x, 1], atan2: [1, :x], atan2: [:x, :y], pow: [-8, 0.5],
                  log: [-1.0], fmod: [5.5, 0.0], sqrt: [10 ** 400], erf: ["1"], ceil: [nil]] do
  try do
    IO.inspect(apply(:math, f, args), label: "#{f}")
  rescue
    e -> IO.puts("#{f}: #{inspect(e.__struct__)} #{Exception.message(e)}")
  end
end
