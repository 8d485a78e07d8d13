# one_for_all and rest_for_one: which siblings restart when one dies.
defmodule Node1 do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id) do
    send(:log, {:started, id})
    {:ok, id}
  end
end

defmodule Log do
  def loop(acc) do
    receive do
      {:started, id} -> loop([id | acc])
      {:take, from} -> send(from, {:log, Enum.reverse(acc)}); loop([])
    end
  end
  def take do
    Process.sleep(30)
    send(:log, {:take, self()})
    receive do {:log, l} -> l end
  end
end

Process.register(spawn(fn -> Log.loop([]) end), :log)
specs = fn ids -> for id <- ids, do: Supervisor.child_spec({Node1, id}, id: id) end

for strategy <- [:one_for_one, :one_for_all, :rest_for_one] do
  {:ok, sup} = Supervisor.start_link(specs.([:a, :b, :c, :d]), strategy: strategy)
  IO.inspect(Log.take(), label: "#{strategy} started")
  Process.exit(Process.whereis(:b), :kill)
  IO.inspect(Log.take(), label: "#{strategy} after killing b")
  Process.exit(Process.whereis(:d), :kill)
  IO.inspect(Log.take(), label: "#{strategy} after killing d")
  GenServer.stop(:a, {:shutdown, :quiet}) |> IO.inspect(label: "stop a")
  IO.inspect(Log.take(), label: "#{strategy} after stopping a")
  IO.inspect(Supervisor.count_children(sup).active, label: "active")
  Supervisor.stop(sup)
end
