# :permanent, :transient and :temporary children on normal and abnormal exits.
defmodule Job do
  def start_link(name) do
    pid = spawn_link(fn -> receive do: ({:exit, reason} -> exit(reason)) end)
    Process.register(pid, name)
    {:ok, pid}
  end
end

spec = fn name, restart -> %{id: name, start: {Job, :start_link, [name]}, restart: restart} end

{:ok, sup} =
  Supervisor.start_link(
    [spec.(:perm, :permanent), spec.(:trans, :transient), spec.(:temp, :temporary)],
    strategy: :one_for_one
  )

show = fn label ->
  kids = Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, is_pid(pid)} end)
  IO.inspect(kids, label: label)
end

show.("start")
stop = fn name, reason -> send(Process.whereis(name), {:exit, reason}); Process.sleep(20) end
stop.(:perm, :normal)
show.("perm normal")
stop.(:trans, :normal)
show.("trans normal")
IO.inspect(Supervisor.restart_child(sup, :trans) |> elem(0))
stop.(:trans, :boom)
show.("trans boom")
stop.(:trans, {:shutdown, :x})
show.("trans shutdown")
stop.(:temp, :boom)
show.("temp boom")
IO.inspect(Supervisor.count_children(sup))
