# DynamicSupervisor: max_children, counts, termination, restarts.
defmodule W do
  use GenServer
  def start_link(n), do: GenServer.start_link(__MODULE__, n)
  def init(n), do: {:ok, n}
  def handle_call(:get, _, n), do: {:reply, n, n}
end

{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one, max_children: 3)
results = for n <- 1..5, do: DynamicSupervisor.start_child(sup, {W, n})
IO.inspect(Enum.map(results, fn {:ok, p} -> is_pid(p); e -> e end), label: "starts")
IO.inspect(DynamicSupervisor.count_children(sup), label: "counts")
[{:ok, first} | _] = results
IO.inspect(GenServer.call(first, :get), label: "first")
IO.inspect(DynamicSupervisor.terminate_child(sup, first), label: "terminate")
IO.inspect(DynamicSupervisor.terminate_child(sup, first), label: "terminate again")
IO.inspect(DynamicSupervisor.start_child(sup, {W, 6}) |> elem(0), label: "start after room")
IO.inspect(DynamicSupervisor.start_child(sup, {W, 7}), label: "full again")
kids = DynamicSupervisor.which_children(sup)
IO.inspect(Enum.map(kids, fn {id, p, type, mods} -> {id, is_pid(p), type, mods} end), label: "children")
{_, victim, _, _} = hd(kids)
Process.exit(victim, :kill)
Process.sleep(30)
IO.inspect(DynamicSupervisor.count_children(sup), label: "after kill")
vals = for {_, p, _, _} <- DynamicSupervisor.which_children(sup), do: GenServer.call(p, :get)
IO.inspect(Enum.sort(vals), label: "values")
IO.inspect(DynamicSupervisor.start_child(sup, %{id: :x, start: {W, :start_link, [9]}, restart: :temporary}), label: "full temp")

{:ok, s2} = DynamicSupervisor.start_link(strategy: :one_for_one, max_children: 0)
IO.inspect(DynamicSupervisor.start_child(s2, {W, 1}), label: "zero")
{:ok, s3} = DynamicSupervisor.start_link(strategy: :one_for_one, extra_arguments: [])
IO.inspect(DynamicSupervisor.start_child(s3, {Task, fn -> :ok end}) |> elem(0), label: "task child")
Process.sleep(20)
IO.inspect(DynamicSupervisor.count_children(s3), label: "temporary task gone")
IO.inspect(DynamicSupervisor.start_child(s3, %{id: 1, start: {W, :start_link, [1]}, restart: :bogus}), label: "bad spec")
IO.inspect(DynamicSupervisor.stop(sup), label: "stop")
