a = %{1 => :a, 1.0 => :b, :x => 1, "s" => 2, {1} => 3}
b = %{1 => :c, 2.0 => :d, :x => 9, "t" => 4, [1] => 5}
IO.inspect(Map.merge(a, b))
IO.inspect(Map.merge(b, a))
big1 = Map.new(1..20, &{&1, &1})
big2 = Map.new(15..40, &{&1, -&1})
m = Map.merge(big1, big2)
IO.inspect(map_size(m))
IO.inspect(Enum.sort(Map.to_list(m)) |> Enum.take(25))
IO.inspect(Map.merge(%{}, a) == a)
IO.inspect(Map.merge(Map.new(1..16, &{&1, 0}), Map.new(17..32, &{&1, 1})) |> map_size())
IO.inspect(Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}))
IO.inspect(Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}, fn _k, v1, v2 -> v1 + v2 end))
IO.inspect(Map.merge(Map.new(1..30, &{&1, 0}), %{31 => 1, 32 => 2, 33 => 3}) |> Map.keys() |> Enum.sort() |> length())
