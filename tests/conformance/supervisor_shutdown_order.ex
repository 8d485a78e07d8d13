# Orderly shutdown: children stop in reverse start order, terminate/2 runs when trapping.
defmodule Noisy do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id) do
    Process.flag(:trap_exit, true)
    IO.puts("start #{id}")
    {:ok, id}
  end
  def terminate(reason, id), do: IO.puts("terminate #{id} #{inspect(reason)}")
end

defmodule Inner do
  use Supervisor
  def start_link(ids), do: Supervisor.start_link(__MODULE__, ids, name: __MODULE__)
  def init(ids) do
    children = for id <- ids, do: Supervisor.child_spec({Noisy, id}, id: id)
    Supervisor.init(children, strategy: :one_for_one)
  end
end

children = [
  Supervisor.child_spec({Noisy, :first}, id: :first),
  {Inner, [:inner_a, :inner_b]},
  Supervisor.child_spec({Noisy, :last}, id: :last)
]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.count_children(sup), label: "counts")
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, t, m} -> {id, t, m} end), label: "tree")
IO.inspect(Supervisor.terminate_child(sup, Inner), label: "terminate inner")
IO.inspect(Supervisor.restart_child(sup, Inner) |> elem(0), label: "restart inner")
IO.puts("stopping")
IO.inspect(Supervisor.stop(sup, :normal), label: "stopped")

{:ok, sup} = Supervisor.start_link([Supervisor.child_spec({Noisy, :x}, id: :x, shutdown: :brutal_kill), Supervisor.child_spec({Noisy, :y}, id: :y, shutdown: 1000)], strategy: :one_for_one)
IO.inspect(Supervisor.stop(sup), label: "stopped with brutal_kill child")
