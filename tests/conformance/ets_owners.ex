# :ets ownership: access rights, owner death, heir, give_away, named tables
try_it = fn f ->
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts(Exception.message(e))
  end
end
parent = self()
owner = spawn(fn ->
  :ets.new(:priv, [:private, :named_table])
  :ets.new(:prot, [:protected, :named_table])
  :ets.new(:pub, [:public, :named_table])
  :ets.insert(:prot, {:k, :v})
  send(parent, :ready)
  receive do
    :stop -> :ok
  end
end)
receive do
  :ready -> :ok
end
try_it.(fn -> :ets.lookup(:priv, :k) end)
try_it.(fn -> :ets.insert(:priv, {:k, 1}) end)
try_it.(fn -> :ets.lookup(:prot, :k) end)
try_it.(fn -> :ets.insert(:prot, {:k, 1}) end)
try_it.(fn -> :ets.delete(:prot) end)
try_it.(fn -> :ets.insert(:pub, {:k, 1}) end)
try_it.(fn -> :ets.lookup(:pub, :k) end)
IO.inspect(:ets.info(:prot, :owner) == owner)
IO.inspect(:ets.info(:priv, :protection))
IO.inspect(Enum.member?(:ets.all(), :pub))
IO.inspect(is_reference(:ets.whereis(:pub)))
IO.inspect(:ets.whereis(:nothing_here))
ref = Process.monitor(owner)
send(owner, :stop)
receive do
  {:DOWN, ^ref, :process, _, reason} -> IO.inspect(reason)
end
try_it.(fn -> :ets.lookup(:pub, :k) end)
IO.inspect(:ets.info(:pub))
IO.inspect(Enum.member?(:ets.all(), :pub))
IO.inspect(:ets.whereis(:pub))
# heir: the table goes to the heir when its owner dies
heir_owner = spawn(fn ->
  t = :ets.new(:inherited, [:named_table, {:heir, parent, :my_data}])
  :ets.insert(t, {:x, 1})
  send(parent, :made)
end)
receive do
  :made -> :ok
end
receive do
  {:"ETS-TRANSFER", tab, from, data} -> IO.inspect({tab, from == heir_owner, data})
end
IO.inspect(:ets.info(:inherited, :owner) == self())
IO.inspect(:ets.lookup(:inherited, :x))
# give_away
taker = spawn(fn ->
  receive do
    {:"ETS-TRANSFER", tab, _from, data} ->
      send(parent, {:got, data, :ets.info(tab, :owner) == self(), :ets.lookup(tab, :x)})
  end
end)
IO.inspect(:ets.give_away(:inherited, taker, :here_you_go))
receive do
  msg -> IO.inspect(msg)
end
try_it.(fn -> :ets.give_away(:inherited, self(), :back) end)
# rename
t = :ets.new(:first_name, [:named_table])
IO.inspect(:ets.rename(t, :second_name))
IO.inspect(:ets.info(:second_name, :name))
try_it.(fn -> :ets.lookup(:first_name, 1) end)
:ets.new(:taken, [:named_table])
try_it.(fn -> :ets.rename(:second_name, :taken) end)
u = :ets.new(:unnamed, [])
IO.inspect(:ets.info(u, :named_table))
IO.inspect(:ets.info(u, :name))
IO.inspect(is_reference(:ets.rename(u, :other)))
IO.inspect(:ets.info(u, :name))
IO.inspect(:ets.info(u) |> Keyword.drop([:id, :owner, :memory]))
