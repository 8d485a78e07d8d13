# PartitionSupervisor: option errors, via names, registration refused
try_it = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(inspect(e.__struct__) <> ": " <> Exception.message(e))
  catch
    :exit, reason -> IO.inspect({:exit, reason})
  end
end
try_it.(fn -> PartitionSupervisor.start_link(child_spec: Agent) end)
try_it.(fn -> PartitionSupervisor.start_link(name: :x) end)
try_it.(fn -> PartitionSupervisor.start_link(name: :x, child_spec: Agent, partitions: 0) end)
try_it.(fn -> PartitionSupervisor.start_link(name: :x, child_spec: Agent, partitions: :many) end)
try_it.(fn -> PartitionSupervisor.start_link(name: :x, child_spec: Agent, with_arguments: 1) end)
try_it.(fn -> PartitionSupervisor.start_link(name: :x, child_spec: Agent, with_arguments: fn _, _ -> :bad end) end)
try_it.(fn -> PartitionSupervisor.partitions(:unknown) end)
try_it.(fn -> PartitionSupervisor.count_children(:unknown) end)
try_it.(fn -> PartitionSupervisor.register_name(:a, self()) end)
try_it.(fn -> PartitionSupervisor.unregister_name(:a, self()) end)
try_it.(fn -> Supervisor.child_spec({PartitionSupervisor, name: {:via, Registry, {:reg, :ps}}}, []) end)
try_it.(fn -> PartitionSupervisor.child_spec(name: :foo, partitions: 2) end)
# a via name through a Registry
{:ok, _} = Registry.start_link(keys: :unique, name: :ps_registry)
name = {:via, Registry, {:ps_registry, :my_ps}}
{:ok, _} = PartitionSupervisor.start_link(name: name, child_spec: {Agent, fn -> :hello end}, partitions: 3)
try_it.(fn -> PartitionSupervisor.partitions(name) end)
try_it.(fn -> Agent.get({:via, PartitionSupervisor, {name, 0}}, & &1) end)
try_it.(fn -> PartitionSupervisor.count_children(name) end)
try_it.(fn -> PartitionSupervisor.partitions({:via, Registry, {:ps_registry, :other}}) end)
try_it.(fn -> PartitionSupervisor.stop(name) end)
# the partition table is an ETS table named after the supervisor
{:ok, _} = PartitionSupervisor.start_link(name: :named_ps, child_spec: {Agent, fn -> 0 end}, partitions: 2)
try_it.(fn -> :ets.lookup(:named_ps, :partitions) end)
try_it.(fn -> :ets.info(:named_ps, :size) end)
try_it.(fn -> :ets.info(:named_ps, :protection) end)
