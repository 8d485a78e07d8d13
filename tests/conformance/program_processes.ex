defmodule Counter do
  use GenServer

  def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
  def inc, do: GenServer.cast(__MODULE__, :inc)
  def get, do: GenServer.call(__MODULE__, :get)

  @impl true
  def init(n), do: {:ok, n}
  @impl true
  def handle_cast(:inc, n), do: {:noreply, n + 1}
  @impl true
  def handle_call(:get, _from, n), do: {:reply, n, n}
end

{:ok, _} = Counter.start_link(10)
for _ <- 1..5, do: Counter.inc()
IO.puts("Counter: #{Counter.get()}")

parent = self()
pids = for i <- 1..4, do: spawn(fn -> send(parent, {:result, i, i * i}) end)
IO.puts("spawned #{length(pids)}")
results = for _ <- pids, do: (receive do {:result, i, sq} -> {i, sq} end)
IO.inspect(Enum.sort(results))

tasks = Enum.map(1..5, fn n -> Task.async(fn -> Enum.sum(1..n) end) end)
IO.inspect(Task.await_many(tasks))

{:ok, agent} = Agent.start_link(fn -> %{} end)
Agent.update(agent, &Map.put(&1, :x, 1))
Agent.update(agent, &Map.update(&1, :x, 0, fn v -> v + 10 end))
IO.inspect(Agent.get(agent, & &1))

results = Task.async_stream(1..6, fn x -> x * 2 end, max_concurrency: 2) |> Enum.map(fn {:ok, v} -> v end)
IO.inspect(results)

defmodule Mon do
  def run do
    pid = spawn(fn -> receive do :stop -> :ok end end)
    ref = Process.monitor(pid)
    send(pid, :stop)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.puts("down: #{inspect(reason)}")
    end
  end
end
Mon.run()

Process.flag(:trap_exit, true)
p = spawn_link(fn -> exit(:boom) end)
receive do
  {:EXIT, ^p, r} -> IO.puts("exit: #{inspect(r)}")
end
receive do
  :never -> :ok
after
  10 -> IO.puts("timeout ok")
end
