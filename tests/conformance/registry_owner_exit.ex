# Registry entries go when their owner dies; via-names free up for restarts.
{:ok, _} = Registry.start_link(keys: :unique, name: Reg)
{:ok, _} = Registry.start_link(keys: :duplicate, name: Dup)

defmodule Named do
  use GenServer
  def start_link(key), do: GenServer.start_link(__MODULE__, key, name: {:via, Registry, {Reg, key}})
  def init(key), do: {:ok, key}
  def handle_call(:key, _, k), do: {:reply, k, k}
end

defmodule Member do
  def start(topic, n) do
    parent = self()
    pid = spawn(fn ->
      {:ok, _} = Registry.register(Dup, topic, n)
      send(parent, :registered)
      receive do :stop -> :ok end
    end)
    receive do :registered -> pid end
  end
end

{:ok, sup} = Supervisor.start_link([Supervisor.child_spec({Named, :alpha}, id: :alpha), Supervisor.child_spec({Named, :beta}, id: :beta)], strategy: :one_for_one)
IO.inspect(GenServer.call({:via, Registry, {Reg, :alpha}}, :key), label: "via call")
IO.inspect(Registry.count(Reg), label: "count")
[{old, nil}] = Registry.lookup(Reg, :alpha)
ref = Process.monitor(old)
Process.exit(old, :kill)
receive do {:DOWN, ^ref, _, _, _} -> :ok end
Process.sleep(30)
[{new, nil}] = Registry.lookup(Reg, :alpha)
IO.inspect(new != old, label: "re-registered by the restart")
IO.inspect(Registry.keys(Reg, old), label: "keys of the dead")
IO.inspect(Registry.select(Reg, [{{:"$1", :_, :_}, [], [:"$1"]}]) |> Enum.sort(), label: "select keys")

members = for n <- 1..4, do: Member.start(:news, n)
IO.inspect(Registry.lookup(Dup, :news) |> Enum.map(&elem(&1, 1)) |> Enum.sort(), label: "members")
[m1, m2 | _] = members
for m <- [m1, m2] do
  r = Process.monitor(m)
  send(m, :stop)
  receive do {:DOWN, ^r, _, _, _} -> :ok end
end
Process.sleep(30)
IO.inspect(Registry.lookup(Dup, :news) |> Enum.map(&elem(&1, 1)) |> Enum.sort(), label: "after two left")
IO.inspect(Registry.count_match(Dup, :news, :_), label: "count_match")
IO.inspect(Registry.match(Dup, :news, :"$1", [{:>, :"$1", 3}]) |> Enum.map(&elem(&1, 1)), label: "match guard")
Registry.dispatch(Dup, :news, fn entries -> IO.inspect(length(entries), label: "dispatch to") end)
Supervisor.stop(sup)
Process.sleep(30)
IO.inspect(Registry.count(Reg), label: "count after stop")
IO.inspect(Registry.lookup(Reg, :beta), label: "beta")
