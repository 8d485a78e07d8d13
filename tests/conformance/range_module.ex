IO.inspect Range.new(3, 1)
IO.inspect Range.new(1, 9, 2)
IO.inspect Range.size(1..10//3)
IO.inspect Range.shift(1..3, 2)
IO.inspect Range.shift(1..10//2, -1)
IO.inspect Range.disjoint?(1..5, 6..9)
IO.inspect Range.disjoint?(1..10//2, 2..10//2)
IO.inspect Range.disjoint?(1..10//3, 4..10//6)
IO.inspect Range.disjoint?(5..1//-1, 3..7)
IO.inspect Range.disjoint?(1..0//1, 1..3)
try do Range.new(1, 2, 0) rescue e -> IO.puts Exception.message(e) end
try do Range.new(1.0, 2) rescue e -> IO.puts Exception.message(e) end
IO.inspect Enum.to_list(%{__struct__: Range, first: 3, last: 1})
IO.inspect Range.__info__(:functions)
