# DynamicSupervisor children: permanent, transient and temporary restarts.
defmodule Job do
  use GenServer
  def start_link({name, _} = arg), do: GenServer.start_link(__MODULE__, arg, name: name)
  def init({name, tag}) do
    IO.puts("init #{name} #{tag}")
    {:ok, name}
  end
  def handle_cast({:stop, r}, s), do: {:stop, r, s}
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_restarts: 100)
spec = fn name, restart -> Supervisor.child_spec({Job, {name, restart}}, restart: restart) end
for {n, r} <- [perm: :permanent, trans: :transient, temp: :temporary], do: {:ok, _} = DynamicSupervisor.start_child(sup, spec.(n, r))
IO.inspect(DynamicSupervisor.count_children(sup), label: "counts")
GenServer.cast(:trans, {:stop, :normal})
GenServer.cast(:temp, {:stop, :shutdown})
GenServer.cast(:perm, {:stop, :normal})
Process.sleep(50)
IO.inspect(DynamicSupervisor.count_children(sup), label: "after normal stops")
IO.inspect(Enum.map([:perm, :trans, :temp], &is_pid(Process.whereis(&1))), label: "alive")
{:ok, _} = DynamicSupervisor.start_child(sup, spec.(:trans2, :transient))
Process.exit(Process.whereis(:trans2), :abnormal)
Process.sleep(50)
IO.inspect(is_pid(Process.whereis(:trans2)), label: "transient restarted after abnormal")
IO.inspect(DynamicSupervisor.start_child(sup, spec.(:perm, :permanent)) |> elem(0), label: "name taken")
IO.inspect(DynamicSupervisor.count_children(sup), label: "counts")
IO.inspect(DynamicSupervisor.start_child(sup, {Job, :not_a_tuple}) |> elem(0), label: "bad start")
IO.inspect(DynamicSupervisor.init(strategy: :one_for_one, max_children: 5), label: "init flags")
IO.inspect(DynamicSupervisor.stop(sup), label: "stop")
IO.inspect(Process.whereis(:perm), label: "perm after stop")
