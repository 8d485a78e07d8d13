# Stress: 10,000 GenServers under a DynamicSupervisor, seeded random crashes
# and restarts, then all stopped; nothing leaks (Process.list/0 back to its size).
defmodule Cell do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call(:bump, _from, n), do: {:reply, n + 1, n + 1}
end

:rand.seed(:exsss, {7, 11, 13})
base = length(Process.list())
{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_restarts: 100_000, max_seconds: 1)
n = 10_000
pids = for i <- 1..n, do: elem(DynamicSupervisor.start_child(sup, {Cell, i}), 1)
IO.inspect(DynamicSupervisor.count_children(sup), label: "started")
IO.inspect(length(Process.list()) - base, label: "new processes")
sum = Enum.reduce(pids, 0, fn p, acc -> acc + GenServer.call(p, :get) end)
IO.inspect(sum, label: "sum of states")

victims = pids |> Enum.filter(fn _ -> :rand.uniform(10) == 1 end)
IO.inspect(length(victims), label: "victims")
refs = for p <- victims, do: Process.monitor(p)
for {p, k} <- Enum.with_index(victims), do: Process.exit(p, if(rem(k, 2) == 0, do: :kill, else: :crash))
for r <- refs, do: (receive do {:DOWN, ^r, :process, _, _} -> :ok end)
Process.sleep(100)
counts = DynamicSupervisor.count_children(sup)
IO.inspect(counts, label: "after crashes")
live = for {_, p, _, _} <- DynamicSupervisor.which_children(sup), do: p
IO.inspect(Enum.count(live, &(&1 in victims)), label: "victims among children")
bumped = Enum.reduce(live, 0, fn p, acc -> acc + GenServer.call(p, :bump) end)
IO.inspect(bumped, label: "sum after bump")

{stop, keep} = Enum.split(live, div(n, 2))
for p <- stop, do: :ok = DynamicSupervisor.terminate_child(sup, p)
IO.inspect(DynamicSupervisor.count_children(sup), label: "after terminating half")
IO.inspect(length(keep), label: "kept")
ref = Process.monitor(sup)
:ok = DynamicSupervisor.stop(sup)
receive do {:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "supervisor down") end
Process.sleep(50)
IO.inspect(length(Process.list()) - base, label: "leaked processes")
IO.inspect(Enum.count(pids, &Process.alive?/1), label: "alive of the first")
