# GenServer names: atoms, {:global, _}, {:via, _, _}; bad names; already started.
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_cast(:inc, n), do: {:noreply, n + 1}
end

{:ok, pid} = GenServer.start_link(Counter, 10, name: :counter)
IO.inspect(Process.whereis(:counter) == pid)
GenServer.cast(:counter, :inc)
IO.inspect(GenServer.call(:counter, :get))
IO.inspect(GenServer.call({:counter, node()}, :get))
{:error, {:already_started, other}} = GenServer.start_link(Counter, 0, name: :counter)
IO.inspect(other == pid)
IO.inspect(Process.info(pid, :registered_name))
{:ok, g} = GenServer.start_link(Counter, 5, name: {:global, :gcounter})
IO.inspect(GenServer.whereis({:global, :gcounter}) == g)
GenServer.cast({:global, :gcounter}, :inc)
IO.inspect(GenServer.call({:global, :gcounter}, :get))
IO.inspect(GenServer.call({:via, :global, :gcounter}, :get))
IO.inspect(GenServer.whereis({:global, :nobody}))
IO.inspect(GenServer.whereis(:nobody))
IO.inspect(GenServer.whereis({:x, :other@node}))
IO.inspect(GenServer.cast(:nobody, :inc))
IO.inspect(GenServer.cast({:global, :nobody}, :inc))

for bad <- ["name", {:bad, 1}, {:via, "mod", 1}] do
  try do
    GenServer.start_link(Counter, 0, name: bad)
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e))
  end
end

{:ok, n} = GenServer.start(Counter, 0, name: nil)
IO.inspect(Process.info(n, :registered_name))
IO.inspect(GenServer.stop(:counter))
IO.inspect(Process.whereis(:counter))
