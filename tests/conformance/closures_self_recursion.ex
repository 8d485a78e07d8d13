fact = fn
  _self, 0 -> 1
  self, n -> n * self.(self, n - 1)
end
IO.puts(fact.(fact, 10))

loop = fn loop, n, acc ->
  if n == 0, do: acc, else: loop.(loop, n - 1, [n | acc])
end
IO.inspect(loop.(loop, 5, []))

countdown = fn
  _f, 0 -> IO.puts("done")
  f, n ->
    IO.puts("tick #{n}")
    f.(f, n - 1)
end
countdown.(countdown, 3)

fib = fn f ->
  fn
    0 -> 0
    1 -> 1
    n -> f.(f).(n - 1) + f.(f).(n - 2)
  end
end
IO.inspect(Enum.map(0..10, fib.(fib)))

counter = fn loop_fun ->
  fn n -> if n >= 100_000, do: n, else: loop_fun.(loop_fun).(n + 1) end
end
IO.puts(counter.(counter).(0))

walk = fn
  _w, [], acc -> Enum.reverse(acc)
  w, [h | t], acc when is_list(h) -> w.(w, t, Enum.reverse(w.(w, h, [])) ++ acc)
  w, [h | t], acc -> w.(w, t, [h | acc])
end
IO.inspect(walk.(walk, [1, [2, [3, 4]], 5, [[6]]], []))
