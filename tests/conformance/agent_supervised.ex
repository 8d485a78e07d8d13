# Agents under a supervisor: state lost on a restart, names re-registered.
defmodule Cart do
  use Agent
  def start_link(items), do: Agent.start_link(fn -> items end, name: __MODULE__)
  def add(item), do: Agent.update(__MODULE__, &[item | &1])
  def items, do: Agent.get(__MODULE__, &Enum.reverse/1)
end

defmodule Stock do
  use Agent, restart: :transient
  def start_link(n), do: Agent.start_link(fn -> n end, name: __MODULE__)
  def take, do: Agent.get_and_update(__MODULE__, fn 0 -> {:none, 0}; n -> {:ok, n - 1} end)
end

IO.inspect(Cart.child_spec([:x]), label: "cart spec")
IO.inspect(Stock.child_spec(2), label: "stock spec")
{:ok, sup} = Supervisor.start_link([{Cart, [:apple]}, {Stock, 2}], strategy: :one_for_one)
Cart.add(:pear)
IO.inspect(Cart.items(), label: "items")
IO.inspect(for(_ <- 1..3, do: Stock.take()), label: "takes")
Process.exit(Process.whereis(Cart), :kill)
Process.sleep(20)
IO.inspect(Cart.items(), label: "items after restart")
Agent.stop(Stock)
Process.sleep(20)
IO.inspect(Process.whereis(Stock), label: "stock after normal stop")
IO.inspect(Supervisor.count_children(sup), label: "counts")
r = try do Agent.get(Stock, & &1) catch :exit, {reason, {GenServer, :call, _}} -> {:exit, reason} end
IO.inspect(r, label: "get from stopped")
Agent.cast(Cart, fn s -> [:cast | s] end)
IO.inspect(Cart.items(), label: "after cast")
IO.inspect(Agent.get(Cart, Enum, :count, []), label: "get/4")
IO.inspect(Agent.update(Cart, List, :delete, [:cast]), label: "update/4")
IO.inspect(Cart.items(), label: "items")
Supervisor.stop(sup)
