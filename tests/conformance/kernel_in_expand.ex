# `in` outside guards expands as Elixir's macro does (Macro.expand shows it):
# =:= tests joined by orelse for literal lists, bounds for literal ranges,
# the left side evaluated once; and its results at run time.
env = __ENV__
show = fn ast -> ast |> Macro.prewalk(&Macro.expand(&1, env)) |> Macro.to_string() |> IO.puts() end
show.(quote(do: foo in []))
show.(quote(do: foo in [1, 2, 3]))
show.(quote(do: foo in 0..1))
show.(quote(do: foo in -1..0))
show.(quote(do: foo in 1..1))
show.(quote(do: foo in 1..9//2))
show.(quote(do: rand() in [1, 2]))
show.(quote(do: rand() in 1..2))
show.(quote(do: rand() in [1 | [2]]))
show.(quote(do: foo in x))
show.(quote(do: not (foo in [1])))

counter = fn -> send(self(), :called); 2 end
IO.inspect({counter.() in [1, 2], counter.() in 1..3, counter.() in [], counter.() in 5..9//2})
IO.inspect(Process.info(self(), :message_queue_len))
for x <- [1, 1.0, 2, 3, :a, "b", 7, -1] do
  IO.inspect({x, x in [1, :a, "b"], x in 1..3, x in -1..0, x in 1..7//3, x in [], x not in [2, 3]})
end
IO.inspect(for x <- 1..20, x in 5..15//5, do: x)
list = [4, 5]
IO.inspect({5 in list, 6 in list, ?b in 'abc', 2 in 3..1})
