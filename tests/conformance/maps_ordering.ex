IO.inspect(%{c: 3, a: 1, b: 2})
IO.inspect(%{10 => :ten, 2 => :two, 1 => :one, 100 => :hundred})
IO.inspect(%{"b" => 1, "a" => 2, "C" => 3, "aa" => 4})
IO.inspect(%{:z => 1, 5 => 2, "s" => 3, {1} => 4, [1] => 5, 1.5 => 6})
IO.inspect(%{true => 1, false => 2, nil => 3})
IO.inspect(%{1 => :int, 1.0 => :float})
# maps with more than 32 keys iterate in hash order, so only small maps are printed whole
big = for i <- 1..40, into: %{}, do: {i, i * i}
small = for i <- 1..32, into: %{}, do: {33 - i, i}
IO.inspect(Map.keys(small))
IO.inspect(big[33])
IO.inspect(map_size(big))
atoms = %{zeta: 1, alpha: 2, mid: 3, beta: 4, omega: 5, gamma: 6, delta: 7, eps: 8}
IO.inspect(atoms)
IO.inspect(Map.keys(atoms))
for {k, v} <- %{c: 3, a: 1, b: 2}, do: IO.puts("#{k}=#{v}")
IO.inspect(Map.to_list(%{"x" => 1, :y => 2, 3 => 3}))
IO.inspect(Enum.map(%{b: 2, a: 1}, fn {k, _} -> k end))
