# GenServer: a stack with use GenServer, call, cast, state through :sys.
defmodule Stack do
  use GenServer

  def start_link(items), do: GenServer.start_link(__MODULE__, items)

  @impl true
  def init(items), do: {:ok, items}

  @impl true
  def handle_call(:pop, _from, [h | t]), do: {:reply, h, t}
  def handle_call(:pop, _from, []), do: {:reply, :empty, []}
  def handle_call(:size, _from, s), do: {:reply, length(s), s}

  @impl true
  def handle_cast({:push, x}, s), do: {:noreply, [x | s]}
end

{:ok, pid} = Stack.start_link([1, 2])
IO.inspect(is_pid(pid))
IO.inspect(GenServer.call(pid, :pop))
IO.inspect(GenServer.cast(pid, {:push, :a}))
IO.inspect(GenServer.cast(pid, {:push, :b}))
IO.inspect(GenServer.call(pid, :size))
IO.inspect(:sys.get_state(pid))
IO.inspect(GenServer.call(pid, :pop))
IO.inspect(GenServer.call(pid, :pop))
IO.inspect(GenServer.call(pid, :pop))
IO.inspect(GenServer.call(pid, :pop))
IO.inspect(:sys.replace_state(pid, fn _ -> [:x, :y] end))
IO.inspect(GenServer.call(pid, :pop))
{:links, links} = Process.info(self(), :links)
IO.inspect(pid in links)
IO.inspect(GenServer.whereis(pid) == pid)
IO.inspect(GenServer.stop(pid))
IO.inspect(Process.alive?(pid))
IO.inspect(Stack.child_spec(:arg))
