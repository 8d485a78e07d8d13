try_it = fn label, f ->
  try do
    IO.inspect(f.(), label: label)
  rescue
    e in ArithmeticError -> IO.puts("#{label}: ArithmeticError: #{Exception.message(e)}")
  end
end

zero = 0
atom = :a
try_it.("1 / 0", fn -> 1 / zero end)
try_it.("1.0 / 0", fn -> 1.0 / zero end)
try_it.("div by zero", fn -> div(10, zero) end)
try_it.("rem by zero", fn -> rem(10, zero) end)
try_it.(":a + 1", fn -> atom + 1 end)
try_it.("fine", fn -> 10 / 4 end)
try_it.("neg", fn -> -atom end)
big = 1.0e308
try_it.("float overflow", fn -> big * 10 end)
try_it.("float ok", fn -> big * 1.5e-300 end)

r =
  try do
    1 + atom
  rescue
    e -> inspect(e)
  end
IO.puts(r)
IO.puts("after arithmetic")
