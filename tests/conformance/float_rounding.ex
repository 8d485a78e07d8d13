# Float.round/floor/ceil with a precision, on the float's exact value; zeros and tiny floats
values = [12.524235, -12.524235, 12.52, -12.52, 2.675, 5.5675, -5.5674, 0.125, 1.005, -0.005, 0.001, -0.001,
  -0.4, 0.4, -0.5, 0.5, 1.5, 2.5, -2.5, 0.0, -0.0, 5.0e-324, -5.0e-324, 1.0e-310, 12.32453e-20, -12.32453e-20,
  1.0e20, 123456.789, 9.999999999999999e22, 4.0e-16, 6.0e-16, 1.7976931348623157e308]

for v <- values do
  IO.inspect({v, Float.round(v), Float.floor(v), Float.ceil(v)})
  IO.inspect(Enum.map([1, 2, 3, 15], fn p -> {Float.round(v, p), Float.floor(v, p), Float.ceil(v, p)} end))
end

for p <- 0..15 do
  IO.inspect({p, Float.round(3.141592653589793, p), Float.floor(-5.0e-324, p), Float.ceil(5.0e-324, p)})
end

for f <- [fn -> Float.round(1.1, 16) end, fn -> Float.floor(1.1, -1) end, fn -> Float.ceil(1, 2) end, fn -> Float.round(1) end] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end
