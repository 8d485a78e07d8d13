# Registry: entries go when their process ends (listeners hear nothing then); via names
defmodule Listener do
  def start(parent) do
    pid = spawn(fn -> loop(parent) end)
    Process.register(pid, :listener)
    pid
  end

  defp loop(parent) do
    receive do
      {:register, reg, key, _pid, value} -> send(parent, {:event, :register, reg, key, value})
      {:unregister, reg, key, _pid} -> send(parent, {:event, :unregister, reg, key})
    end

    loop(parent)
  end
end

Listener.start(self())
{:ok, _} = Registry.start_link(keys: :unique, name: :reg, partitions: 3, listeners: [:listener])
parent = self()
workers =
  for i <- 1..5 do
    spawn(fn ->
      {:ok, _} = Registry.register(:reg, {:worker, i}, i * 10)
      send(parent, {:ready, i})
      receive do
        :stop -> :ok
      end
    end)
  end
for i <- 1..5, do: (receive do {:ready, ^i} -> :ok end)
events = for _ <- 1..5, do: (receive do {:event, kind, _, key, value} -> {kind, key, value} end)
IO.inspect(Enum.sort(events))
IO.inspect(Registry.count(:reg))
[w1, w2 | _] = workers
ref = Process.monitor(w1)
send(w1, :stop)
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason)
end
ref = Process.monitor(w2)
Process.exit(w2, :kill)
receive do
  {:DOWN, ^ref, _, _, reason} -> IO.inspect(reason)
end
Process.sleep(50)
IO.inspect(Registry.lookup(:reg, {:worker, 1}))
IO.inspect(Registry.lookup(:reg, {:worker, 2}))
IO.inspect(Registry.lookup(:reg, {:worker, 3}) |> Enum.map(&elem(&1, 1)))
IO.inspect(Registry.count(:reg))
# the key is free again
{:ok, _} = Registry.register(:reg, {:worker, 1}, :mine)
IO.inspect(Registry.lookup(:reg, {:worker, 1}) == [{self(), :mine}])
receive do
  {:event, kind, _, key, value} -> IO.inspect({kind, key, value})
end
# via names
{:ok, agent} = Agent.start(fn -> :state end, name: {:via, Registry, {:reg, :agent}})
IO.inspect(Agent.get({:via, Registry, {:reg, :agent}}, & &1))
IO.inspect(Registry.whereis_name({:reg, :agent}) == agent)
IO.inspect(Agent.start(fn -> :other end, name: {:via, Registry, {:reg, :agent}}) == {:error, {:already_started, agent}})
{:ok, a2} = Agent.start(fn -> 0 end, name: {:via, Registry, {:reg, :valued, :some_value}})
IO.inspect(Registry.lookup(:reg, :valued) == [{a2, :some_value}])
Agent.stop(agent)
Process.sleep(20)
IO.inspect(Registry.whereis_name({:reg, :agent}))
IO.inspect(Registry.lookup(:reg, :agent))
try do
  Registry.send({:reg, :agent}, :hi)
rescue
  e -> IO.inspect(e.__struct__)
end
{:ok, _} = Registry.register(:reg, :me, nil)
IO.inspect(Registry.send({:reg, :me}, :hello))
receive do
  :hello -> IO.inspect(:got_hello)
end
events = for _ <- 1..3, do: (receive do {:event, kind, _, key, _} -> {kind, key} end)
IO.inspect(Enum.sort(events))
