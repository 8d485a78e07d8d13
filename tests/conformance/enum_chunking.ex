# Enum.chunk_every/2,3,4, chunk_by, chunk_while and the deprecated chunk over lists, ranges, maps and streams.
list = Enum.to_list(1..10)
IO.inspect(Enum.chunk_every(list, 3))
IO.inspect(Enum.chunk_every(list, 3, 2))
IO.inspect(Enum.chunk_every(list, 3, 2, :discard))
IO.inspect(Enum.chunk_every(list, 3, 3, [:a, :b]))
IO.inspect(Enum.chunk_every(list, 4, 4, 100..200))
IO.inspect(Enum.chunk_every(list, 2, 4))
IO.inspect(Enum.chunk_every(list, 2, 1))
IO.inspect(Enum.chunk_every(1..7, 3, 1, :discard))
IO.inspect(Enum.chunk_every(%{a: 1, b: 2, c: 3}, 2))
IO.inspect(Enum.chunk_every([], 2))
IO.inspect(Enum.chunk_every(Stream.map(1..5, &(&1 * 10)), 2))
IO.inspect(Enum.chunk_by([1, 2, 2, 3, 4, 4, 6, 7, 7], &(rem(&1, 2) == 1)))
IO.inspect(Enum.chunk_by(~w(ant bee cat dog eel fox), &String.length/1))
IO.inspect(Enum.chunk_by([1, 1.0, 1], & &1))
IO.inspect(Enum.chunk_by([], & &1))

chunk_fun = fn element, acc ->
  if rem(element, 2) == 0 do
    {:cont, Enum.reverse([element | acc]), []}
  else
    {:cont, [element | acc]}
  end
end

after_fun = fn
  [] -> {:cont, []}
  acc -> {:cont, Enum.reverse(acc), []}
end

IO.inspect(Enum.chunk_while(1..10, [], chunk_fun, after_fun))
IO.inspect(Enum.chunk_while([1, 3, 5, 6, 7], [], chunk_fun, after_fun))
IO.inspect(Enum.chunk_while(1..10, 0, fn x, n -> if n == 3, do: {:halt, n}, else: {:cont, [x], n + 1} end, fn n -> {:cont, [n], n} end))
IO.inspect(Enum.chunk(list, 3))
IO.inspect(Enum.chunk(list, 3, 4))
IO.inspect(Enum.chunk(list, 3, 3, [0]))

for args <- [{0, 1}, {2, 0}, {-1, 1}, {1.5, 1}] do
  {count, step} = args

  try do
    Enum.chunk_every(list, count, step)
  rescue
    e in FunctionClauseError -> IO.puts("#{inspect(args)}: " <> Exception.message(e))
  end
end
