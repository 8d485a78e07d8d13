# Exact float text where a double's exact expansion is longest or ties:
# subnormals (hundreds of digits), the largest double, integers past 2^53,
# halves at every scale; ~e/~f/~g, scientific and decimals options.
values =
  [5.0e-324, 2.225073858507201e-308, 2.2250738585072014e-308, 1.7976931348623157e308] ++
    [1.0e-300, 3.0e-200, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 2.675, 1.005, 0.125, 0.375, 2.5, 3.5] ++
    [9007199254740993.0, 1.0e22, 1.0e23, 123456789012345680.0, 4.35, 0.0001, 1.0e-7] ++
    for(e <- -30..30//7, do: 1.5 * :math.pow(10, e)) ++
    for(e <- -1074..-1000//37, do: :math.pow(2, e))

for v <- values ++ Enum.map(values, &(-&1)) do
  IO.puts([
    :io_lib.format("~e ~.2e ~.17e ~g ~.4g", [v, v, v, v, v]),
    " ",
    :erlang.float_to_binary(v, [{:scientific, 20}]),
    " ",
    :erlang.float_to_binary(v, [{:scientific, 0}]),
    " ",
    if(abs(v) < 1.0e15, do: :erlang.float_to_binary(v, [{:decimals, 30}]), else: "-"),
    " ",
    Float.to_string(v)
  ])
end

IO.puts(:io_lib.format("~.40f", [5.0e-324]))
IO.puts(:io_lib.format("~.60f", [0.1]))
IO.puts(:erlang.float_to_binary(1.7976931348623157e308, [{:scientific, 60}]))
