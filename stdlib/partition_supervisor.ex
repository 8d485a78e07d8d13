# Elixir 1.14's PartitionSupervisor: a supervisor that starts `partitions`
# copies of one child, numbered from 0, and routes
# `{:via, PartitionSupervisor, {name, key}}` to one of them by the key.
#
# The supervisor process owns an ETS table holding `{:partitions, n}` and
# `{partition, pid}` for each running child (each child starts through
# `start_child/5`, which records it). The table is named after the
# supervisor when the name is an atom; for a `{:via, ...}` name it is
# unnamed, and the supervisor keeps its id in its process dictionary.
defmodule PartitionSupervisor do
  @moduledoc false
  @behaviour Supervisor

  @table_key :"$partition_supervisor_table"

  @doc "The child spec of a partition supervisor, with `opts[:name]` as its id."
  def child_spec(opts) when is_list(opts) do
    id =
      case Keyword.get(opts, :name, PartitionSupervisor) do
        {:via, _module, via_name} -> via_name
        name -> name
      end

    %{
      id: id,
      start: {PartitionSupervisor, :start_link, [opts]},
      type: :supervisor
    }
  end

  @doc "Starts a partition supervisor."
  def start_link(opts) when is_list(opts) do
    name = opts[:name]

    unless name do
      raise ArgumentError, "the :name option must be given to PartitionSupervisor"
    end

    {child_spec, opts} = Keyword.pop(opts, :child_spec)

    unless child_spec do
      raise ArgumentError, "the :child_spec option must be given to PartitionSupervisor"
    end

    {partitions, opts} = Keyword.pop(opts, :partitions, System.schedulers_online())

    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError,
            "the :partitions option must be a positive integer, got: #{inspect(partitions)}"
    end

    {with_arguments, opts} = Keyword.pop(opts, :with_arguments, fn args, _partition -> args end)

    unless is_function(with_arguments, 2) do
      raise ArgumentError,
            "the :with_arguments option must be a function that receives two arguments, " <>
              "the current call arguments and the partition, got: #{inspect(with_arguments)}"
    end

    %{start: {mod, fun, args}} = map = Supervisor.child_spec(child_spec, [])
    modules = map[:modules] || [mod]

    children =
      for partition <- 0..(partitions - 1) do
        args = with_arguments.(args, partition)

        unless is_list(args) do
          raise "the call to the function in :with_arguments must return a list, got: #{inspect(args)}"
        end

        start = {__MODULE__, :start_child, [mod, fun, args, name, partition]}
        Map.merge(map, %{id: partition, start: start, modules: modules})
      end

    {init_opts, start_opts} = Keyword.split(opts, [:strategy, :max_seconds, :max_restarts])
    Supervisor.start_link(__MODULE__, {name, partitions, children, init_opts}, start_opts)
  end

  @doc false
  def start_child(mod, fun, args, name, partition) do
    case apply(mod, fun, args) do
      {:ok, pid} = ok ->
        :ets.insert(own_table(name), {partition, pid})
        ok

      {:ok, pid, _info} = ok ->
        :ets.insert(own_table(name), {partition, pid})
        ok

      other ->
        other
    end
  end

  # The table, from inside the supervisor process.
  defp own_table(name) when is_atom(name), do: name
  defp own_table(_name), do: Process.get(@table_key)

  @impl true
  def init({name, partitions, children, init_opts}) do
    table =
      if is_atom(name) do
        :ets.new(name, [:set, :named_table, :protected, read_concurrency: true])
      else
        table = :ets.new(__MODULE__, [:set, :protected, read_concurrency: true])
        Process.put(@table_key, table)
        table
      end

    :ets.insert(table, {:partitions, partitions})
    Supervisor.init(children, Keyword.put_new(init_opts, :strategy, :one_for_one))
  end

  @doc "The number of partitions of the partition supervisor."
  def partitions(name) do
    {_name, table} = table(name, :partitions)
    :ets.lookup_element(table, :partitions, 2)
  end

  defp table(name, fun) when is_atom(name) do
    if :ets.whereis(name) == :undefined do
      exit({:noproc, {PartitionSupervisor, fun, [name]}})
    end

    {name, name}
  end

  defp table({:via, _, _} = name, fun) do
    with pid when is_pid(pid) <- GenServer.whereis(name),
         {:dictionary, dict} <- Process.info(pid, :dictionary),
         {_, table} <- List.keyfind(dict, @table_key, 0) do
      {name, table}
    else
      _ -> exit({:noproc, {PartitionSupervisor, fun, [name]}})
    end
  end

  defp table(name, fun), do: exit({:noproc, {PartitionSupervisor, fun, [name]}})

  @doc "The children of every partition, as `Supervisor.which_children/1` gives them."
  def which_children(name) when is_atom(name) or elem(name, 0) == :via,
    do: Supervisor.which_children(name)

  @doc "Counts the children of every partition, as `Supervisor.count_children/1`."
  def count_children(name) when is_atom(name), do: Supervisor.count_children(name)

  @doc "Stops the partition supervisor and its children."
  def stop(supervisor, reason \\ :normal, timeout \\ :infinity) when is_atom(supervisor) do
    Supervisor.stop(supervisor, reason, timeout)
  end

  ## The {:via, PartitionSupervisor, {name, key}} naming

  @doc false
  def whereis_name({name, key}) do
    {_name, table} = table(name, :partitions)
    partitions = :ets.lookup_element(table, :partitions, 2)

    partition =
      if is_integer(key), do: rem(abs(key), partitions), else: :erlang.phash2(key, partitions)

    case :ets.lookup(table, partition) do
      [{_, pid}] -> pid
      [] -> :undefined
    end
  end

  @doc false
  def send(name_key, msg) do
    Kernel.send(whereis_name(name_key), msg)
  end

  @doc false
  def register_name(_, _) do
    raise "{:via, PartitionSupervisor, _} cannot be given on registration"
  end

  @doc false
  def unregister_name(_, _) do
    raise "{:via, PartitionSupervisor, _} cannot be given on unregistration"
  end
end
