# Task.Supervisor: async_nolink failures reach the caller as messages, not exits.
{:ok, ts} = Task.Supervisor.start_link()

ok = Task.Supervisor.async_nolink(ts, fn -> 1 + 1 end)
IO.inspect(Task.await(ok), label: "ok")

bad = Task.Supervisor.async_nolink(ts, fn -> exit({:shutdown, :bad}) end)
IO.inspect(Task.yield(bad, 500), label: "yield failed")

killed = Task.Supervisor.async_nolink(ts, fn -> Process.sleep(1000) end)
Process.exit(killed.pid, :kill)
IO.inspect(Task.yield(killed, 500), label: "killed")

slow = Task.Supervisor.async_nolink(ts, fn -> Process.sleep(1000) end)
IO.inspect(Task.yield(slow, 10), label: "yield slow")
IO.inspect(Task.shutdown(slow), label: "shutdown slow")

t = Task.Supervisor.async_nolink(ts, fn -> exit(:normal) end)
ref = t.ref
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason, label: "down normal")
end

t = Task.Supervisor.async_nolink(ts, fn -> :reply end)
ref = t.ref
receive do
  {^ref, v} -> IO.inspect(v, label: "reply message")
end
Process.demonitor(ref, [:flush])

{:ok, pid} = Task.Supervisor.start_child(ts, fn -> receive do :go -> :ok end end)
IO.inspect(length(Task.Supervisor.children(ts)), label: "children")
send(pid, :go)
Process.sleep(20)
IO.inspect(Task.Supervisor.children(ts), label: "children after")

r = Task.Supervisor.async_stream_nolink(ts, [1, 2, 3], fn
  2 -> exit({:shutdown, :two})
  n -> n * 10
end) |> Enum.to_list()
IO.inspect(r, label: "stream nolink")
r = Task.Supervisor.async_stream(ts, 1..3, &(&1 + 1)) |> Enum.to_list()
IO.inspect(r, label: "stream")
a = Task.Supervisor.async(ts, fn -> :linked end)
IO.inspect(Task.await(a), label: "async")
IO.inspect(Task.Supervisor.terminate_child(ts, self()), label: "terminate unknown")
