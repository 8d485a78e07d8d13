# The article's order system ("Putting It All Together"), rewritten as an
# application: a supervision tree started at the top of the script, with
# supervised inventory, payment, shipping and notifier workers and a
# coordinator. Faults are injected (a payment gateway crash, a shipping
# worker killed, an inventory agent killed); the supervisor restarts each one
# and the orders go on. The output is deterministic: every line is printed by
# the notifier inside a call, in the order the script places its orders, and
# only exits that Elixir's Logger does not report are used (its reports go
# to standard output).
defmodule Orders.Stats do
  use Agent
  def start_link(_), do: Agent.start_link(fn -> %{} end, name: __MODULE__)
  def started(worker), do: Agent.update(__MODULE__, &Map.update(&1, worker, 1, fn n -> n + 1 end))
  def restarts, do: Agent.get(__MODULE__, fn m -> for {w, n} <- Enum.sort(m), do: {w, n - 1} end)
end

defmodule Orders.Notifier do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def notify(order_id, text), do: GenServer.call(__MODULE__, {:notify, order_id, text})
  def say(text), do: GenServer.call(__MODULE__, {:say, text})

  @impl true
  def init(:ok), do: (Orders.Stats.started(:notifier); {:ok, 0})
  @impl true
  def handle_call({:notify, id, text}, _from, n) do
    IO.puts("[notifier] order #{id}: #{text}")
    {:reply, :ok, n + 1}
  end
  def handle_call({:say, text}, _from, n) do
    IO.puts(text)
    {:reply, :ok, n}
  end
end

defmodule Orders.Inventory do
  use Agent
  @stock %{widget: 5, gadget: 2, sprocket: 1}
  def start_link(_) do
    Orders.Stats.started(:inventory)
    Agent.start_link(fn -> @stock end, name: __MODULE__)
  end

  def reserve(items) do
    Agent.get_and_update(__MODULE__, fn stock ->
      case Enum.find(items, fn i -> Map.get(stock, i, 0) == 0 end) do
        nil -> {:ok, Enum.reduce(items, stock, fn i, s -> Map.update!(s, i, &(&1 - 1)) end)}
        item -> {{:error, {:out_of_stock, item}}, stock}
      end
    end)
  end

  def stock, do: Agent.get(__MODULE__, &Enum.sort/1)
end

defmodule Orders.Payment do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def charge(order_id, amount), do: GenServer.call(__MODULE__, {:charge, order_id, amount})
  # The next charge finds the gateway down: the worker stops without replying.
  def fail_next, do: GenServer.cast(__MODULE__, :fail_next)

  @impl true
  def init(:ok), do: (Orders.Stats.started(:payment); {:ok, %{fail: false, charged: 0}})
  @impl true
  def handle_cast(:fail_next, s), do: {:noreply, %{s | fail: true}}
  @impl true
  def handle_call({:charge, _id, _amount}, _from, %{fail: true} = s),
    do: {:stop, {:shutdown, :gateway_down}, s}
  def handle_call({:charge, id, amount}, _from, s),
    do: {:reply, {:ok, "txn-#{id}-#{amount}"}, %{s | charged: s.charged + amount}}
end

defmodule Orders.Shipping do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def ship(order_id, items), do: GenServer.call(__MODULE__, {:ship, order_id, items})

  @impl true
  def init(:ok), do: (Orders.Stats.started(:shipping); {:ok, 1000})
  @impl true
  def handle_call({:ship, id, items}, _from, next),
    do: {:reply, {:ok, "TRACK-#{next}-#{id}-#{length(items)}"}, next + 1}
end

defmodule Orders.Coordinator do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def place(order_id, items, amount), do: GenServer.call(__MODULE__, {:order, order_id, items, amount})

  @impl true
  def init(:ok), do: (Orders.Stats.started(:coordinator); {:ok, %{done: 0, failed: 0}})

  @impl true
  def handle_call({:order, id, items, amount}, _from, s) do
    result =
      with :ok <- step(id, "reserving #{inspect(items)}", fn -> Orders.Inventory.reserve(items) end),
           {:ok, txn} <- step(id, "charging #{amount}", fn -> Orders.Payment.charge(id, amount) end),
           {:ok, track} <- step(id, "shipping", fn -> Orders.Shipping.ship(id, items) end) do
        Orders.Notifier.notify(id, "completed (#{txn}, #{track})")
        :ok
      else
        {:error, reason} ->
          Orders.Notifier.notify(id, "failed: #{inspect(reason)}")
          {:error, reason}
      end

    s = if result == :ok, do: %{s | done: s.done + 1}, else: %{s | failed: s.failed + 1}
    {:reply, result, s}
  end

  def handle_call(:totals, _from, s), do: {:reply, s, s}

  # Runs one step; a worker that dies under the call is retried once it is back.
  defp step(id, what, fun, attempt \\ 1) do
    Orders.Notifier.notify(id, what <> if(attempt > 1, do: " (attempt #{attempt})", else: ""))
    try do
      fun.()
    catch
      :exit, {reason, {GenServer, :call, _}} ->
        Orders.Notifier.notify(id, "worker exited: #{inspect(reason)}")
        wait_restart(10)
        step(id, what, fun, attempt + 1)
    end
  end

  defp wait_restart(0), do: :gave_up
  defp wait_restart(n) do
    Process.sleep(20)
    if Enum.all?([Orders.Payment, Orders.Shipping, Orders.Inventory], &Process.whereis/1),
      do: :ok,
      else: wait_restart(n - 1)
  end
end

defmodule Orders.Supervisor do
  use Supervisor
  def start_link(opts), do: Supervisor.start_link(__MODULE__, opts, name: __MODULE__)

  @impl true
  def init(_opts) do
    children = [
      Orders.Stats,
      Orders.Notifier,
      Orders.Inventory,
      Orders.Payment,
      Orders.Shipping,
      Orders.Coordinator
    ]

    Supervisor.init(children, strategy: :one_for_one, max_restarts: 5, max_seconds: 10)
  end
end

defmodule Orders do
  # Kills a worker (the "chaos monkey") and waits for its restart.
  def kill(worker) do
    old = Process.whereis(worker)
    ref = Process.monitor(old)
    Process.exit(old, :kill)
    receive do
      {:DOWN, ^ref, :process, _, reason} -> reason
    end
    wait_for(worker, old)
  end

  defp wait_for(worker, old) do
    case Process.whereis(worker) do
      pid when is_pid(pid) and pid != old -> :restarted
      _ -> Process.sleep(10); wait_for(worker, old)
    end
  end
end

# ----- Start the system -----
{:ok, _sup} = Orders.Supervisor.start_link([])
Orders.Notifier.say("orders system up: #{Supervisor.count_children(Orders.Supervisor).active} workers")

IO.inspect(Orders.Coordinator.place(42, [:widget, :gadget], 1299), label: "client: order 42")

Orders.Payment.fail_next()
IO.inspect(Orders.Coordinator.place(43, [:sprocket], 499), label: "client: order 43")

Orders.Notifier.say("chaos: shipping #{Orders.kill(Orders.Shipping)}")
IO.inspect(Orders.Coordinator.place(44, [:widget], 250), label: "client: order 44")
IO.inspect(Orders.Coordinator.place(45, [:sprocket], 499), label: "client: order 45")

Orders.Notifier.say("chaos: inventory #{Orders.kill(Orders.Inventory)} (stock reset)")
IO.inspect(Orders.Inventory.stock(), label: "stock")
IO.inspect(Orders.Coordinator.place(46, [:gadget, :gadget, :widget], 10), label: "client: order 46")

IO.inspect(GenServer.call(Orders.Coordinator, :totals), label: "totals")
IO.inspect(Orders.Stats.restarts(), label: "restarts")
IO.inspect(Supervisor.count_children(Orders.Supervisor), label: "children")
:ok = Supervisor.stop(Orders.Supervisor)
IO.puts("system stopped: #{inspect(Process.whereis(Orders.Coordinator))}")
