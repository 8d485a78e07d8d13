# PartitionSupervisor: partitions, routing by key, children, stop
{:ok, sup} =
  PartitionSupervisor.start_link(
    name: :workers,
    child_spec: {Agent, fn -> :unused end},
    with_arguments: fn [_fun], partition -> [fn -> {:partition, partition} end] end,
    partitions: 4
  )
IO.inspect(is_pid(sup))
IO.inspect(PartitionSupervisor.partitions(:workers))
for key <- [0, 1, 2, 3, 4, 5, -1, -6, 100] do
  IO.inspect({key, Agent.get({:via, PartitionSupervisor, {:workers, key}}, & &1)})
end
# any term as a key: the same key always goes to the same partition
a = Agent.get({:via, PartitionSupervisor, {:workers, {:user, "ann"}}}, & &1)
b = Agent.get({:via, PartitionSupervisor, {:workers, {:user, "ann"}}}, & &1)
IO.inspect(a == b)
children = PartitionSupervisor.which_children(:workers) |> Enum.sort()
IO.inspect(Enum.map(children, fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end))
IO.inspect(PartitionSupervisor.count_children(:workers))
Agent.update({:via, PartitionSupervisor, {:workers, 2}}, fn _ -> :changed end)
IO.inspect(Agent.get({:via, PartitionSupervisor, {:workers, 6}}, & &1))
IO.inspect(PartitionSupervisor.whereis_name({:workers, 1}) == PartitionSupervisor.whereis_name({:workers, 5}))

# a crashed partition is restarted by its supervisor
old = PartitionSupervisor.whereis_name({:workers, 1})
ref = Process.monitor(old)
Process.exit(old, :kill)
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason)
end
Process.sleep(50)
new = PartitionSupervisor.whereis_name({:workers, 1})
IO.inspect({is_pid(new), new != old})
IO.inspect(Agent.get(new, & &1))
IO.inspect(PartitionSupervisor.stop(:workers))
IO.inspect(Process.whereis(:workers))
IO.inspect(catch_exit = (try do PartitionSupervisor.partitions(:workers) catch :exit, e -> e end))
# as the child of a supervisor
children = [{PartitionSupervisor, child_spec: DynamicSupervisor, name: :dyn, partitions: 2}]
{:ok, _} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(PartitionSupervisor.count_children(:dyn))
{:ok, agent} =
  DynamicSupervisor.start_child({:via, PartitionSupervisor, {:dyn, :some_key}}, {Agent, fn -> 42 end})
IO.inspect(Agent.get(agent, & &1))
IO.inspect(Supervisor.child_spec({PartitionSupervisor, name: :dyn}, []))
