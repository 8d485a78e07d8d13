# Ranges with steps: Range.new/2,3, size, shift, disjoint?, inspect, Enum over stepped ranges, and the errors of bad bounds or steps.
IO.inspect([Range.new(1, 3), Range.new(3, 1), Range.new(1, 10, 3), Range.new(10, 1, -4), Range.new(1, 0, 1)])
IO.inspect([1..3, 3..1, 1..10//3, 3..1//1, -5..-1//2])
IO.inspect(Enum.map([1..10//3, 10..1//-3, 1..1, 1..0//1, 5..1//1, 1..-5//-2], &Range.size/1))
IO.inspect(Enum.map([1..10//3, 10..1//-3, 0..-1//1, 5..1], &Enum.to_list/1))
IO.inspect([Range.shift(0..10//2, 2), Range.shift(10..0//-2, 2), Range.shift(1..3, -1)])
IO.inspect([Range.disjoint?(1..5, 6..9), Range.disjoint?(1..5, 5..9), Range.disjoint?(1..3, 2..2), Range.disjoint?(-3..-1, 0..3)])
IO.inspect([Range.disjoint?(1..0//1, 1..5), Range.disjoint?(10..1//-1, 3..4), Range.disjoint?(9..1//-1, 9..12)])
IO.inspect({(1..10//3).first, (1..10//3).last, (1..10//3).step, (3..1).step})
old = %{__struct__: Range, first: 3, last: 1}
IO.inspect({old, Enum.to_list(old), Range.size(old), Enum.member?(old, 2), Enum.count(old)})
IO.inspect({Enum.member?(1..10//3, 7), Enum.member?(1..10//3, 8), Enum.member?(10..1//-3, 4), 5 in 1..10//2})
IO.inspect({Enum.sum(1..10//4), Enum.min_max(-3..12//5), Enum.reverse(1..9//4), Enum.at(1..100//7, 3)})
IO.inspect({Enum.slice(1..20//3, 1..3), Enum.take(10..1//-2, 3), Enum.count(1..1_000_000//7)})
defmodule R do
  def bad(fun) do
    try do
      IO.inspect(fun.())
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end
one = String.to_integer("1")
zero = String.to_integer("0")
float = one * 1.0
R.bad(fn -> float..3 end)
atom = String.to_atom("x")
R.bad(fn -> 1..atom end)
R.bad(fn -> 1..3//zero end)
R.bad(fn -> 1..3//float end)
R.bad(fn -> float..3//2 end)
R.bad(fn -> Range.new(1, 3, 0) end)
R.bad(fn -> Range.new(1.0, 3) end)
R.bad(fn -> Range.new(1, 3, :a) end)
R.bad(fn -> Range.shift(1..3, 1.0) end)
R.bad(fn -> Range.shift(old, 1) end)
