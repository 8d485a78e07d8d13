# Nested supervision trees: a crash below restarts only its own subtree;
# a subtree over its intensity is restarted by its parent.
defmodule Leaf do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id) do
    send(:log, {:start, id})
    {:ok, id}
  end
end

defmodule Branch do
  use Supervisor
  def start_link({name, leaves}), do: Supervisor.start_link(__MODULE__, leaves, name: name)
  def init(leaves) do
    children = for l <- leaves, do: Supervisor.child_spec({Leaf, l}, id: l)
    Supervisor.init(children, strategy: :one_for_all, max_restarts: 1, max_seconds: 5)
  end
end

defmodule Log do
  def loop(acc) do
    receive do
      {:start, id} -> loop([id | acc])
      {:take, from, n} when length(acc) >= n -> send(from, {:log, Enum.reverse(acc)}); loop([])
      {:take, from, _} -> send(from, :not_yet); loop(acc)
    end
  end

  # The next n starts, waiting for them however loaded the machine is.
  def take(n) do
    send(:log, {:take, self(), n})
    receive do
      {:log, l} -> l
      :not_yet -> Process.sleep(5); take(n)
    end
  end

  def whereis!(name) do
    case Process.whereis(name) do
      nil -> Process.sleep(5); whereis!(name)
      pid -> pid
    end
  end
end

Process.register(spawn(fn -> Log.loop([]) end), :log)
children = [
  Supervisor.child_spec({Branch, {:left, [:l1, :l2]}}, id: :left),
  Supervisor.child_spec({Branch, {:right, [:r1, :r2]}}, id: :right)
]
{:ok, root} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Log.take(4), label: "started")
Process.exit(Process.whereis(:l2), :kill)
IO.inspect(Log.take(2), label: "l2 killed")
old_left = Process.whereis(:left)
Process.exit(Log.whereis!(:l1), :kill)
IO.inspect(Log.take(2), label: "left over its intensity, restarted by root")
Process.exit(Log.whereis!(:l1), :kill)
IO.inspect(Log.take(2), label: "the new left restarts its leaves")
IO.inspect(Process.whereis(:left) != old_left, label: "left supervisor replaced")
IO.inspect(Supervisor.count_children(root), label: "root counts")
IO.inspect(Supervisor.count_children(:left), label: "left counts")
IO.inspect(Supervisor.which_children(:right) |> Enum.map(&elem(&1, 0)), label: "right ids")
Supervisor.stop(root)
IO.inspect(Enum.map([:left, :right, :l1, :r2], &Process.whereis/1), label: "after stop")
