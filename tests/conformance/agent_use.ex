# use Agent: child_spec/1 with overrides, and agents under a supervisor.
defmodule Bucket do
  use Agent
  def start_link(init), do: Agent.start_link(fn -> init end, name: __MODULE__)
  def put(k, v), do: Agent.update(__MODULE__, &Map.put(&1, k, v))
  def get(k), do: Agent.get(__MODULE__, &Map.get(&1, k))
end

defmodule Temp do
  use Agent, restart: :temporary, id: :temp
  def start_link(n), do: Agent.start_link(fn -> n end)
end

IO.inspect(Bucket.child_spec(%{}))
IO.inspect(Temp.child_spec(3))
{:ok, sup} = Supervisor.start_link([{Bucket, %{}}, {Temp, 3}], strategy: :one_for_one)
Bucket.put(:a, 1)
IO.inspect(Bucket.get(:a))
IO.inspect(Supervisor.count_children(sup))
old = Process.whereis(Bucket)
Process.exit(old, :kill)
Process.sleep(20)
new = Process.whereis(Bucket)
IO.inspect(is_pid(new) and new != old)
IO.inspect(Bucket.get(:a))
IO.inspect(Supervisor.which_children(sup) |> Enum.map(fn {id, _, type, mods} -> {id, type, mods} end))
