# :transient children: restarted only after an abnormal exit.
defmodule T do
  use GenServer, restart: :transient
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id) do
    IO.puts("start #{id}")
    {:ok, id}
  end
  def handle_cast({:stop, reason}, id), do: {:stop, reason, id}
end

{:ok, sup} =
  Supervisor.start_link(
    [
      Supervisor.child_spec({T, :normal_one}, id: :n),
      Supervisor.child_spec({T, :shutdown_one}, id: :s),
      Supervisor.child_spec({T, :shutdown_tuple}, id: :st),
      Supervisor.child_spec({T, :crash_one}, id: :c)
    ],
    strategy: :one_for_one
  )

IO.inspect(T.child_spec(:x), label: "spec")
GenServer.cast(:normal_one, {:stop, :normal})
GenServer.cast(:shutdown_one, {:stop, :shutdown})
GenServer.cast(:shutdown_tuple, {:stop, {:shutdown, :done}})
Process.sleep(50)
Process.exit(Process.whereis(:crash_one), :failure)
Process.sleep(50)

for {id, pid, _, _} <- Enum.sort(Supervisor.which_children(sup)) do
  IO.puts("#{id}: #{if is_pid(pid), do: "running", else: inspect(pid)}")
end
IO.inspect(Supervisor.count_children(sup), label: "counts")
IO.inspect(Supervisor.restart_child(sup, :n) |> elem(0), label: "restart :n")
IO.inspect(Process.whereis(:normal_one) |> is_pid(), label: "normal_one back")
IO.inspect(Supervisor.restart_child(sup, :c), label: "restart running :c")
Supervisor.stop(sup)
