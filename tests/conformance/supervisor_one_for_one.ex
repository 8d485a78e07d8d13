# Supervisor :one_for_one: a crashed child restarts alone; which/count children.
defmodule Worker do
  use Agent
  def start_link({name, n}), do: Agent.start_link(fn -> n end, name: name)
end

children = [
  Supervisor.child_spec({Worker, {:w1, 1}}, id: :w1),
  Supervisor.child_spec({Worker, {:w2, 2}}, id: :w2),
  Supervisor.child_spec({Worker, {:w3, 3}}, id: :w3)
]

{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Enum.map(Supervisor.which_children(sup), fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end))
w1 = Process.whereis(:w1)
w3 = Process.whereis(:w3)
Agent.update(:w2, &(&1 + 100))
old = Process.whereis(:w2)
ref = Process.monitor(old)
Process.exit(old, :kill)
receive do: ({:DOWN, ^ref, _, _, reason} -> IO.inspect(reason, label: "w2 down"))
Process.sleep(20)
IO.inspect(Process.whereis(:w2) != old)
IO.inspect(Agent.get(:w2, & &1))
IO.inspect({Process.whereis(:w1) == w1, Process.whereis(:w3) == w3})
IO.inspect(Supervisor.terminate_child(sup, :w3))
IO.inspect(Process.whereis(:w3))
IO.inspect(Enum.map(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid == :undefined} end))
IO.inspect(Supervisor.count_children(sup))
IO.inspect(Supervisor.restart_child(sup, :w3) |> elem(0))
IO.inspect(Agent.get(:w3, & &1))
IO.inspect(Supervisor.restart_child(sup, :w3))
IO.inspect(Supervisor.delete_child(sup, :w3))
IO.inspect(Supervisor.terminate_child(sup, :w3))
IO.inspect(Supervisor.delete_child(sup, :w3))
IO.inspect(Supervisor.delete_child(sup, :w3))
IO.inspect(Supervisor.restart_child(sup, :nope))
IO.inspect(Supervisor.stop(sup))
IO.inspect(Enum.map([:w1, :w2, :w3], &Process.whereis/1))
