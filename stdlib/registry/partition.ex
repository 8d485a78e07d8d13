# One partition of a registry: a process (named `<registry>.PIDPartition<i>`)
# that owns the partition's two ETS tables: the keys (`{key, {pid, value}}`,
# a set for unique registries, a duplicate bag otherwise) and the pids
# (`{pid, key, key_ets, counter}`). A registering process links to its
# pid partition, which traps exits and removes the entries of a process
# that ends.
defmodule Registry.Partition do
  @moduledoc false
  use GenServer

  def key_name(registry, i), do: Module.concat(registry, "KeyPartition#{i}")
  def pid_name(registry, i), do: Module.concat(registry, "PIDPartition#{i}")

  def start_link(name, arg) do
    GenServer.start_link(__MODULE__, arg, name: name)
  end

  @impl true
  def init({kind, registry, i, partitions, key_partition, pid_partition, listeners, compressed}) do
    Process.flag(:trap_exit, true)
    key_type = if kind == :unique, do: :set, else: :duplicate_bag
    extra = if compressed, do: [:compressed], else: []
    options = [key_type, :public, read_concurrency: true, write_concurrency: true] ++ extra
    key_ets = :ets.new(key_partition, options)

    pid_ets =
      :ets.new(pid_partition, [:duplicate_bag, :public, read_concurrency: true, write_concurrency: true])

    if partitions == 1 do
      true = :ets.insert(registry, {-1, {kind, partitions, key_ets, {self(), pid_ets}, listeners}})
    else
      if i == 0 do
        true = :ets.insert(registry, {-1, {kind, partitions, nil, nil, listeners}})
      end

      true = :ets.insert(registry, {i, key_ets, {self(), pid_ets}})
    end

    {:ok, {registry, pid_ets, listeners}}
  end

  @impl true
  def handle_call(:sync, _from, state), do: {:reply, :ok, state}

  @impl true
  # Listeners hear of no unregistration here, as in Elixir.
  def handle_info({:EXIT, pid, _reason}, {_registry, pid_ets, _listeners} = state) do
    for {_pid, key, key_ets, _counter} <- :ets.take(pid_ets, pid) do
      try do
        key_guard = {:"=:=", {:element, 1, :"$_"}, {:const, key}}
        :ets.select_delete(key_ets, [{{:_, {pid, :_}}, [key_guard], [true]}])
      catch
        :error, :badarg -> :ok
      end
    end

    {:noreply, state}
  end

  def handle_info(_msg, state), do: {:noreply, state}
end
