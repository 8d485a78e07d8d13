# :queue: the original API, the exact {rear, front} layout OTP leaves
q = Enum.reduce(1..7, :queue.new(), &:queue.in/2)
IO.inspect(q)
IO.inspect(:queue.out(q))
IO.inspect(:queue.out_r(q))
IO.inspect(:queue.drop(q))
IO.inspect(:queue.drop_r(q))
IO.inspect(for n <- 0..7, do: :queue.from_list(Enum.to_list(1..n)))
IO.inspect(for n <- 1..6, do: :queue.out({Enum.to_list(n..1), []}))
IO.inspect(for n <- 1..6, do: :queue.out_r({[], Enum.to_list(1..n)}))
IO.inspect(for n <- 1..6, do: :queue.drop({Enum.to_list(n..1), []}))
IO.inspect(for n <- 1..6, do: :queue.drop_r({[], Enum.to_list(1..n)}))
IO.inspect(Enum.scan(1..5, :queue.new(), &:queue.in_r/2))
IO.inspect({:queue.len(q), :queue.to_list(q), :queue.member(4, q), :queue.member(9, q)})
IO.inspect({:queue.is_queue(q), :queue.is_queue({1, 2}), :queue.is_queue([]), :queue.is_empty(q)})
IO.inspect({:queue.get(q), :queue.get_r(q), :queue.peek(q), :queue.peek_r(q)})
IO.inspect({:queue.get({[3, 2, 1], []}), :queue.get_r({[], [1, 2, 3]}), :queue.peek({[3, 2, 1], []})})
IO.inspect({:queue.peek(:queue.new()), :queue.peek_r(:queue.new()), :queue.out(:queue.new())})
IO.inspect(:queue.reverse(q))
IO.inspect(:queue.join(q, :queue.from_list([8, 9])))
IO.inspect({:queue.join(q, :queue.new()), :queue.join(:queue.new(), q)})
IO.inspect(for n <- 0..7, do: :queue.split(n, q))
IO.inspect(for n <- 0..6, do: :queue.split(n, {[6, 5, 4], [1, 2, 3]}))
# drain it both ways
drain = fn drain, q, acc ->
  case :queue.out(q) do
    {{:value, v}, q} -> drain.(drain, q, [v | acc])
    {:empty, _} -> Enum.reverse(acc)
  end
end
IO.inspect(drain.(drain, q, []))
IO.inspect(Enum.reduce(1..20, :queue.new(), fn i, q ->
  q = :queue.in(i, q)
  if rem(i, 3) == 0, do: :queue.drop(q), else: q
end))
