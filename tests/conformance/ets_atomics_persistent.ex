# :counters, :atomics and :persistent_term: storage shared by processes
c = :counters.new(3, [:write_concurrency])
IO.inspect(elem(c, 0))
:counters.add(c, 1, 5)
:counters.sub(c, 2, 3)
:counters.put(c, 3, 100)
IO.inspect(Enum.map(1..3, &:counters.get(c, &1)))
parent = self()
for _ <- 1..4 do
  spawn(fn ->
    for _ <- 1..500, do: :counters.add(c, 1, 1)
    send(parent, :done)
  end)
end
for _ <- 1..4, do: (receive do :done -> :ok end)
IO.inspect(:counters.get(c, 1))
IO.inspect(:counters.info(c))
:counters.put(c, 3, 9_223_372_036_854_775_807)
:counters.add(c, 3, 1)
IO.inspect(:counters.get(c, 3))
a = :atomics.new(2, [])
IO.inspect(:atomics.add_get(a, 1, 10))
IO.inspect(:atomics.sub_get(a, 1, 3))
IO.inspect(:atomics.exchange(a, 1, 42))
IO.inspect(:atomics.compare_exchange(a, 1, 42, 43))
IO.inspect(:atomics.compare_exchange(a, 1, 42, 44))
IO.inspect(:atomics.get(a, 1))
u = :atomics.new(1, signed: false)
:atomics.sub(u, 1, 1)
IO.inspect(:atomics.get(u, 1))
IO.inspect(:atomics.info(u))
try_it = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
try_it.(fn -> :counters.get(c, 4) end)
try_it.(fn -> :counters.add(c, 1, :x) end)
try_it.(fn -> :atomics.new(0, []) end)
try_it.(fn -> :atomics.put(u, 1, -1) end)
try_it.(fn -> :atomics.add(a, 1, Bitwise.bsl(1, 64)) end)
try_it.(fn -> :counters.get(:bad, 1) end)
IO.inspect(:persistent_term.put({MyApp, :config}, %{level: :debug, hosts: ["a", "b"]}))
IO.inspect(:persistent_term.get({MyApp, :config}))
IO.inspect(:persistent_term.get({MyApp, :missing}, :default))
spawn(fn -> send(parent, {:seen, :persistent_term.get({MyApp, :config}).level}) end)
receive do
  msg -> IO.inspect(msg)
end
IO.inspect(:persistent_term.put({MyApp, :config}, :replaced))
IO.inspect(:persistent_term.get({MyApp, :config}))
IO.inspect(Enum.member?(:persistent_term.get(), {{MyApp, :config}, :replaced}))
IO.inspect(:persistent_term.erase({MyApp, :config}))
IO.inspect(:persistent_term.erase({MyApp, :config}))
try_it.(fn -> :persistent_term.get({MyApp, :config}) end)
IO.inspect(:persistent_term.info() |> Map.keys())
