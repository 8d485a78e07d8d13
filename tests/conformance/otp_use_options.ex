# `use Agent/GenServer/Supervisor/Task/DynamicSupervisor, opts`: the options are
# evaluated in the module body (tuples, attributes), then merged into child_spec/1.
defmodule UseAgent do
  use Agent, id: :id, restart: :temporary, shutdown: :infinity, start: {:foo, :bar, []}
end

defmodule UseServer do
  @restart :transient
  use GenServer, restart: @restart, start: {__MODULE__, :go, [1, 2]}
  def init(x), do: {:ok, x}
  def code_change(_, s, :ok), do: {:ok, s + 1}
  def code_change(_, _s, :err), do: {:error, :bad}
  def code_change(_, _s, :atom), do: :what
  def code_change(_, _s, :exit), do: exit(:gone)
end

defmodule UseSup do
  use Supervisor, id: {:sup, 1}, shutdown: 10
  def init(_), do: Supervisor.init([], strategy: :one_for_one)
end

defmodule UseTask do
  use Task, restart: :permanent, id: [:a, {:b, :c}]
  def start_link(_), do: Task.start_link(fn -> :ok end)
end

defmodule UseDyn do
  use DynamicSupervisor, type: :worker, start: {:x, :y, [{1, 2, 3}]}
  def init(_), do: DynamicSupervisor.init(strategy: :one_for_one)
end

for mod <- [UseAgent, UseServer, UseSup, UseTask, UseDyn] do
  IO.inspect(mod.child_spec([:hello]), label: inspect(mod))
end

# :sys.change_code/4 answers as Erlang's sys does: {:error, what the callback returned}.
{:ok, pid} = GenServer.start_link(UseServer, 1)
:ok = :sys.suspend(pid)

for extra <- [:ok, :err, :atom, :exit] do
  IO.inspect(:sys.change_code(pid, UseServer, 1, extra), label: inspect(extra))
end

:ok = :sys.resume(pid)
IO.inspect(:sys.get_state(pid), label: "state")

# A restarted child comes before a child started after it: pids grow with time.
{:ok, sup} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, a} = DynamicSupervisor.start_child(sup, {Agent, fn -> 1 end})
ref = Process.monitor(a)
Process.exit(a, :kill)
receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
Process.sleep(10)
{:ok, b} = DynamicSupervisor.start_child(sup, {Agent, fn -> 2 end})
[{_, first, _, _}, {_, second, _, _}] = DynamicSupervisor.which_children(sup)
IO.inspect({first != a, second == b, first < second})
IO.inspect(Enum.map([first, second], &Agent.get(&1, fn s -> s end)))
