# Process aliases: :erlang.alias/0,1, unalias, monitor aliases, sends through
# an alias after it was deactivated or its owner ended.
a = :erlang.alias()
IO.inspect(is_reference(a), label: "alias is a ref")
send(a, :first)
send(a, :second)
for _ <- 1..2, do: receive(do: (m -> IO.inspect(m, label: "got")))
IO.inspect(:erlang.unalias(a), label: "unalias active")
IO.inspect(:erlang.unalias(a), label: "unalias again")
send(a, :dropped)
receive do
  m -> IO.inspect(m, label: "unexpected")
after
  50 -> IO.puts("nothing through a deactivated alias")
end

# [:reply]: only the first message gets through.
r = :erlang.alias([:reply])
parent = self()
spawn(fn -> send(r, {:reply, 1}); send(r, {:reply, 2}); send(parent, :sent) end)
receive do: (:sent -> :ok)
Process.sleep(20)
IO.inspect(Process.info(self(), :messages), label: "after reply alias")
IO.inspect(:erlang.unalias(r), label: "reply alias still active")
receive do: ({:reply, n} -> IO.inspect(n, label: "took reply"))

# A monitor that is also an alias: a reply through it, then demonitor.
server = spawn(fn ->
  receive do
    {from, tag} -> send(tag, {tag, :pong}); send(from, :done)
  end
  receive do: (:never -> :ok)
end)
mref = :erlang.monitor(:process, server, alias: :demonitor)
send(server, {self(), mref})
receive do: ({^mref, reply} -> IO.inspect(reply, label: "through monitor alias"))
receive do: (:done -> :ok)
:erlang.demonitor(mref, [:flush])
IO.inspect(:erlang.unalias(mref), label: "alias after demonitor")

# Aliases of other processes, after they end: messages go nowhere.
holder = spawn(fn -> receive do: ({:give, to} -> send(to, {:alias, :erlang.alias()})) end)
send(holder, {:give, self()})
b = receive do: ({:alias, b} -> b)
Process.sleep(20)
IO.inspect(Process.alive?(holder), label: "holder alive")
IO.inspect(send(b, :to_the_dead), label: "send returns")
for i <- 1..20, do: spawn(fn -> Process.sleep(10 * i) end)
send(b, :still_nowhere)
receive do
  m -> IO.inspect(m, label: "unexpected")
after
  30 -> IO.puts("nothing came back")
end

# A plain reference is no alias.
IO.inspect(send(make_ref(), :x), label: "send to a plain ref")
IO.inspect(:erlang.unalias(make_ref()), label: "unalias a plain ref")
IO.inspect(Process.info(self(), :message_queue_len), label: "queue")
