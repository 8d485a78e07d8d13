add = fn a, b -> a + b end
IO.puts(add.(2, 3))
square = fn x -> x * x end
IO.puts(square.(12))
zero = fn -> 0 end
IO.inspect(zero.())

factor = 3
times = fn x -> x * factor end
factor = 100
IO.puts(times.(5))
IO.puts(factor)

name = "world"
greet = fn -> "hello #{name}" end
IO.puts(greet.())

counter_from = fn start -> fn step -> start + step end end
from10 = counter_from.(10)
IO.puts(from10.(1))
IO.puts(from10.(5))
IO.puts(counter_from.(100).(1))

sign = fn
  x when x > 0 -> :positive
  x when x < 0 -> :negative
  0 -> :zero
  _ -> :not_int_zero
end
IO.inspect(Enum.map([5, -2, 0, 0.0], sign))

two_args = fn
  :a, y -> {:first, y}
  x, :b -> {:second, x}
  x, y -> {:other, x, y}
end
IO.inspect(two_args.(:a, 1))
IO.inspect(two_args.(1, :b))
IO.inspect(two_args.(1, 2))
IO.inspect(is_function(add))
IO.inspect(is_function(add, 2))
IO.inspect(is_function(add, 1))
