# Float: parse, ratio, to_string/to_charlist, pow, min_finite/max_finite, deprecated to_string/2
for s <- ["12", "-12", "-0.1", "12.5", "0.3534091elixir", "7.5e3", "7.5e-3", "12x", "-12.32453e10", "1.7976931348623159e-99999foo",
  "1.32.45", "1.o", "+12.3E+4", "+12.3E-4x", "-1.23e-0xFF", "-1.e2", ".12", "--1.2", "pi", "1.7976931348623157e308",
  "1.7976931348623159e308", "9e8363", "1e5", "0.1", "123456789012345678901234567890", ""] do
  IO.inspect({s, Float.parse(s)})
end

for f <- [0.0, -0.0, 3.14, -3.14, 1.5, 0.1, 5.0e-324, 1.0e300, 2.0] do
  IO.inspect({f, Float.ratio(f)})
end

for f <- [1.0, 100.0, 1000.0, 0.1, 1.0e-5, 123456789.0, 1.0e16, -0.0, 3.0e-324, 0.30000000000000004] do
  IO.inspect({Float.to_string(f), Float.to_charlist(f)})
end

IO.inspect({Float.min_finite(), Float.max_finite()})
IO.inspect({Float.pow(2.0, 3), Float.pow(-2.0, 3), Float.pow(2.0, -1), Float.pow(4.0, 0.5)})

for f <- [fn -> Float.pow(-2.0, 0.5) end, fn -> Float.pow(2, 1) end, fn -> Float.parse(1.0) end, fn -> Float.ratio(1) end, fn -> Float.to_string(1) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
