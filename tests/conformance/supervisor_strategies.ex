# :one_for_all and :rest_for_one restart the right children, in start order.
defmodule Echo do
  use GenServer
  def start_link({name, log}), do: GenServer.start_link(__MODULE__, {name, log}, name: name)
  def init({name, log}), do: (send(log, {:started, name}); {:ok, name})
end

defmodule Run do
  def started(acc) do
    receive do
      {:started, name} -> started([name | acc])
    after
      50 -> Enum.reverse(acc)
    end
  end

  def run(strategy) do
    me = self()
    kids = for n <- [:a, :b, :c, :d], do: Supervisor.child_spec({Echo, {n, me}}, id: n)
    {:ok, sup} = Supervisor.start_link(kids, strategy: strategy)
    IO.inspect(started([]), label: "#{strategy} start")
    Process.exit(Process.whereis(:b), :kill)
    IO.inspect(started([]), label: "#{strategy} after b dies")
    Process.exit(Process.whereis(:d), :kill)
    IO.inspect(started([]), label: "#{strategy} after d dies")
    Supervisor.stop(sup)
  end
end

Run.run(:one_for_one)
Run.run(:one_for_all)
Run.run(:rest_for_one)
