# Restart intensity exceeded: the supervisor gives up and exits with :shutdown.
defmodule Crasher do
  use GenServer
  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
  def init(id) do
    IO.puts("init #{id}")
    {:ok, id}
  end
  def handle_cast(:die, id), do: {:stop, :shutdown, id}
end

Process.flag(:trap_exit, true)
children = [
  Supervisor.child_spec({Crasher, :a}, id: :a),
  Supervisor.child_spec({Crasher, :b}, id: :b)
]
{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one, max_restarts: 2, max_seconds: 5)

for n <- 1..2 do
  GenServer.cast(:a, :die)
  Process.sleep(30)
  IO.puts("after crash #{n}: alive=#{Process.alive?(sup)}")
end

Process.exit(Process.whereis(:b), :kill)
receive do
  {:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exit")
after
  1000 -> IO.puts("no exit")
end
IO.inspect(Process.alive?(sup), label: "alive")
IO.inspect(Process.whereis(:a), label: "a")
IO.inspect(Process.whereis(:b), label: "b")

# max_restarts: 0 -- the first crash ends it
{:ok, sup2} = Supervisor.start_link([{Crasher, :c}], strategy: :one_for_one, max_restarts: 0)
GenServer.cast(:c, :die)
receive do
  {:EXIT, ^sup2, reason} -> IO.inspect(reason, label: "sup2 exit")
after
  1000 -> IO.puts("no exit")
end

# a one_for_all supervisor over intensity takes all its children down
{:ok, sup3} =
  Supervisor.start_link([Supervisor.child_spec({Crasher, :d}, id: :d), Supervisor.child_spec({Crasher, :e}, id: :e)],
    strategy: :one_for_all, max_restarts: 1)
Process.exit(Process.whereis(:d), :kill)
Process.sleep(30)
Process.exit(Process.whereis(:e), :kill)
receive do
  {:EXIT, ^sup3, reason} -> IO.inspect(reason, label: "sup3 exit")
after
  1000 -> IO.puts("no exit")
end
IO.inspect({Process.whereis(:d), Process.whereis(:e)}, label: "d e")
