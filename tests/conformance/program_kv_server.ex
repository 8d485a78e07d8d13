defmodule KV do
  use GenServer

  def start_link(opts \\ []), do: GenServer.start_link(__MODULE__, %{}, opts)
  def put(pid, k, v), do: GenServer.call(pid, {:put, k, v})
  def get(pid, k), do: GenServer.call(pid, {:get, k})
  def delete(pid, k), do: GenServer.cast(pid, {:delete, k})
  def keys(pid), do: GenServer.call(pid, :keys)

  @impl true
  def init(state) do
    Process.send_after(self(), :tick, 10)
    {:ok, Map.put(state, :__ticks, 0)}
  end

  @impl true
  def handle_call({:put, k, v}, _from, s), do: {:reply, :ok, Map.put(s, k, v)}
  def handle_call({:get, k}, _from, s), do: {:reply, Map.fetch(s, k), s}
  def handle_call(:keys, _from, s), do: {:reply, s |> Map.keys() |> Enum.reject(&(&1 == :__ticks)) |> Enum.sort(), s}

  @impl true
  def handle_cast({:delete, k}, s), do: {:noreply, Map.delete(s, k)}

  @impl true
  def handle_info(:tick, s), do: {:noreply, Map.update!(s, :__ticks, &(&1 + 1))}

  @impl true
  def terminate(reason, _s), do: IO.puts("terminating: #{inspect(reason)}")
end

{:ok, kv} = KV.start_link(name: :kv)
KV.put(kv, :a, 1)
KV.put(:kv, :b, 2)
IO.inspect(KV.get(kv, :a))
IO.inspect(KV.get(kv, :zz))
KV.delete(kv, :a)
IO.inspect(KV.keys(kv))
Process.sleep(30)
IO.inspect(:sys.get_state(kv).__ticks)
IO.inspect(GenServer.whereis(:kv) == kv)
GenServer.stop(kv)
IO.inspect(Process.alive?(kv))

defmodule Worker do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: {:global, {:worker, id}})
  def init(id), do: {:ok, id}
  def handle_call(:id, _, id), do: {:reply, id, id}
end

children = [
  %{id: :w1, start: {Worker, :start_link, [1]}},
  %{id: :w2, start: {Worker, :start_link, [2]}}
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)) |> Enum.sort())
IO.inspect(GenServer.call({:global, {:worker, 2}}, :id))

try do
  GenServer.call(:nobody, :hi)
catch
  :exit, reason -> IO.inspect(reason)
end

{:ok, pid} = Agent.start(fn -> 0 end)
IO.inspect(Agent.get_and_update(pid, fn s -> {s, s + 5} end))
IO.inspect(Agent.get(pid, & &1))
Agent.stop(pid)
IO.puts("done")
