defmodule Registry.Partition do
  @moduledoc false
  # One partition of a Registry. Partition 0 holds every entry (in
  # registration order) and the metadata; it links to the processes that
  # register (trapping exits) and drops their entries when they end.
  use GenServer

  def name(registry, i), do: :"#{registry}.PIDPartition#{i}"

  def start_link(name, arg) do
    GenServer.start_link(__MODULE__, arg, name: name)
  end

  def init({registry, kind, i, _partitions, listeners, meta}) do
    Process.flag(:trap_exit, true)

    {:ok,
     %{
       registry: registry,
       kind: kind,
       index: i,
       listeners: listeners,
       meta: Map.new(meta),
       entries: [],
       owners: %{}
     }}
  end

  def handle_call(:kind, _from, s), do: {:reply, s.kind, s}

  def handle_call({:register, pid, key, value}, _from, s) do
    existing = if s.kind == :unique, do: Enum.find(s.entries, fn {k, _, _} -> k === key end)

    case existing do
      {_, holder, _} ->
        {:reply, {:error, {:already_registered, holder}}, s}

      nil ->
        Process.link(pid)
        owners = Map.update(s.owners, pid, 1, &(&1 + 1))
        notify(s, {:register, s.registry, key, pid, value})
        {:reply, {:ok, self()}, %{s | entries: s.entries ++ [{key, pid, value}], owners: owners}}
    end
  end

  def handle_call({:unregister, pid, key, pattern, guards}, _from, s) do
    {gone, kept} =
      Enum.split_with(s.entries, fn {k, p, v} ->
        k === key and p == pid and Registry.MatchSpec.match?(pattern, guards, v)
      end)

    Enum.each(gone, fn _ -> notify(s, {:unregister, s.registry, key, pid}) end)
    {:reply, :ok, forget(%{s | entries: kept}, pid, length(gone))}
  end

  def handle_call({:update, pid, key, value}, _from, s) do
    entries =
      Enum.map(s.entries, fn
        {k, ^pid, _} when k === key -> {k, pid, value}
        entry -> entry
      end)

    {:reply, :ok, %{s | entries: entries}}
  end

  def handle_call({:lookup, key}, _from, s) do
    {:reply, for({k, p, v} <- s.entries, k === key, do: {p, v}), s}
  end

  def handle_call({:keys, pid}, _from, s) do
    {:reply, for({k, p, _} <- s.entries, p == pid, do: k), s}
  end

  def handle_call(:entries, _from, s), do: {:reply, s.entries, s}

  def handle_call({:meta, key}, _from, s), do: {:reply, Map.fetch(s.meta, key), s}
  def handle_call({:put_meta, key, value}, _from, s), do: {:reply, :ok, %{s | meta: Map.put(s.meta, key, value)}}
  def handle_call({:delete_meta, key}, _from, s), do: {:reply, :ok, %{s | meta: Map.delete(s.meta, key)}}

  def handle_info({:EXIT, pid, _reason}, s) do
    {gone, kept} = Enum.split_with(s.entries, fn {_, p, _} -> p == pid end)
    Enum.each(gone, fn {k, _, _} -> notify(s, {:unregister, s.registry, k, pid}) end)
    {:noreply, %{s | entries: kept, owners: Map.delete(s.owners, pid)}}
  end

  def handle_info(_msg, s), do: {:noreply, s}

  # `pid` has `n` entries fewer: unlinked when it has none left.
  defp forget(s, _pid, 0), do: s

  defp forget(s, pid, n) do
    case Map.get(s.owners, pid, 0) - n do
      left when left <= 0 ->
        Process.unlink(pid)
        %{s | owners: Map.delete(s.owners, pid)}

      left ->
        %{s | owners: Map.put(s.owners, pid, left)}
    end
  end

  defp notify(s, msg) do
    Enum.each(s.listeners, fn l -> send(l, msg) end)
  end
end
