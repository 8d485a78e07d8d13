# The supervisor a registry is (its process carries the registry's name):
# it owns the registry's ETS table, named after the registry, which holds
# the metadata (`{key, value}`), the registry's description under `-1`
# (`{kind, partitions, key_ets, {partition_pid, pid_ets}, listeners}` with
# one partition, `{kind, partitions, nil, nil, listeners}` with more) and,
# with more partitions, `{i, key_ets, {partition_pid, pid_ets}}` for each.
defmodule Registry.Supervisor do
  @moduledoc false
  @behaviour Supervisor

  def start_link(kind, registry, partitions, listeners, meta, compressed) do
    arg = {kind, registry, partitions, listeners, meta, compressed}
    Supervisor.start_link(__MODULE__, arg, name: registry)
  end

  @impl true
  def init({kind, registry, partitions, listeners, meta, compressed}) do
    ^registry = :ets.new(registry, [:set, :public, :named_table, read_concurrency: true])
    true = :ets.insert(registry, meta)

    children =
      for i <- 0..(partitions - 1) do
        key_partition = Registry.Partition.key_name(registry, i)
        pid_partition = Registry.Partition.pid_name(registry, i)
        arg = {kind, registry, i, partitions, key_partition, pid_partition, listeners, compressed}

        %{
          id: pid_partition,
          start: {Registry.Partition, :start_link, [pid_partition, arg]}
        }
      end

    Supervisor.init(children, strategy: :one_for_all, max_restarts: 0)
  end
end
