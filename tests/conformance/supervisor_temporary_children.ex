# :temporary children are never restarted and leave the child list.
defmodule Tmp do
  use GenServer, restart: :temporary
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id), do: {:ok, id}
  def handle_cast(:crash, s), do: {:stop, :shutdown, s}
end

defmodule Perm do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id), do: {:ok, id}
  def handle_cast(:crash, s), do: {:stop, {:shutdown, :x}, s}
end

{:ok, sup} =
  Supervisor.start_link([{Tmp, :t1}, {Perm, :p1}], strategy: :one_for_one)

IO.inspect(Tmp.child_spec(:t1), label: "tmp spec")
IO.inspect(length(Supervisor.which_children(sup)), label: "children")
GenServer.cast(:t1, :crash)
GenServer.cast(:p1, :crash)
Process.sleep(50)
IO.inspect(Process.whereis(:t1), label: "t1")
IO.inspect(is_pid(Process.whereis(:p1)), label: "p1 restarted")
IO.inspect(Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)), label: "ids")
IO.inspect(Supervisor.count_children(sup), label: "counts")
IO.inspect(Supervisor.restart_child(sup, Tmp), label: "restart tmp")
IO.inspect(Supervisor.delete_child(sup, Tmp), label: "delete tmp")
{:ok, _} = Supervisor.start_child(sup, {Tmp, :t2})
IO.inspect(Supervisor.terminate_child(sup, Tmp), label: "terminate tmp")
IO.inspect(Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0)), label: "ids")
IO.inspect(Supervisor.terminate_child(sup, Perm), label: "terminate perm")
IO.inspect(Supervisor.which_children(sup), label: "after terminate")
IO.inspect(Supervisor.restart_child(sup, Perm) |> elem(0), label: "restart perm")
IO.inspect(Supervisor.delete_child(sup, Perm), label: "delete running perm")
IO.inspect(Supervisor.terminate_child(sup, :nope), label: "terminate unknown")
IO.inspect(Supervisor.delete_child(sup, :nope), label: "delete unknown")
