# Restart intensity: more than max_restarts in max_seconds stops the supervisor.
defmodule Crashy do
  use GenServer
  def start_link(log), do: GenServer.start_link(__MODULE__, log, name: :crashy)
  def init(log), do: (send(log, :started); {:ok, log})
end

defmodule Run do
  def count(n) do
    receive do
      :started -> count(n + 1)
    after
      50 -> n
    end
  end

  def kill_crashy do
    case Process.whereis(:crashy) do
      nil -> :gone
      pid -> Process.exit(pid, :kill); Process.sleep(10); :killed
    end
  end

  def main do
    Process.flag(:trap_exit, true)
    {:ok, sup} = Supervisor.start_link([{Crashy, self()}], strategy: :one_for_one, max_restarts: 2, max_seconds: 5)
    IO.inspect(count(0), label: "starts")
    IO.inspect(kill_crashy())
    IO.inspect(kill_crashy())
    IO.inspect(count(0), label: "restarts")
    IO.inspect(Process.alive?(sup))
    IO.inspect(kill_crashy())
    receive do: ({:EXIT, ^sup, reason} -> IO.inspect(reason, label: "supervisor exit"))
    IO.inspect(Process.alive?(sup))
    IO.inspect(Process.whereis(:crashy))
    {:ok, sup} = Supervisor.start_link([{Crashy, self()}], strategy: :one_for_one, max_restarts: 0)
    IO.inspect(count(0), label: "starts")
    IO.inspect(kill_crashy())
    receive do: ({:EXIT, ^sup, reason} -> IO.inspect(reason, label: "no restarts allowed"))
  end
end

Run.main()
