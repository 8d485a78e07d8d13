# From the article, "Putting It All Together – A Mini Order Fulfillment System".
# Made deterministic for beamlet's tests: the simulated work takes 100 ms (packing)
# and 50 ms (payment) instead of 1000 ms and 500 ms, and the Notifier gets one extra
# clause, {:sync, from}, which the client uses after the order is done so that the
# notifier's line is printed before the client's (both print, from different processes).
# A second order shows the coordinator looping.
defmodule Warehouse do
  def start_link do
    spawn(fn -> loop() end)
  end

  defp loop do
    receive do
      {:pick, order_id, items, caller} ->
        :timer.sleep(100) # simulate packing
        send(caller, {:picked, order_id, items})
        loop()
    end
  end
end

defmodule Payment do
  def start_link do
    spawn(fn -> loop() end)
  end

  defp loop do
    receive do
      {:charge, order_id, _amount, caller} ->
        :timer.sleep(50) # simulate external gateway
        send(caller, {:charged, order_id, :ok})
        loop()
    end
  end
end

defmodule Notifier do
  def start_link do
    spawn(fn -> loop() end)
  end

  def sync(notifier) do
    send(notifier, {:sync, self()})
    receive do
      :synced -> :ok
    end
  end

  defp loop do
    receive do
      {:notify, order_id, status} ->
        IO.puts("Order #{order_id} #{status}")
        loop()
      {:sync, from} ->
        send(from, :synced)
        loop()
    end
  end
end

defmodule OrderCoordinator do
  def start_link(warehouse, payment, notifier) do
    spawn(fn -> loop(warehouse, payment, notifier) end)
  end

  defp loop(warehouse, payment, notifier) do
    receive do
      {:order, order_id, items, amount, client} ->
        # 1. Ask the warehouse to pick items
        send(warehouse, {:pick, order_id, items, self()})
        # 2. Wait for the pick result
        receive do
          {:picked, ^order_id, _picked_items} ->
            # 3. Charge the payment
            send(payment, {:charge, order_id, amount, self()})
        end
        # 4. Wait for payment confirmation
        receive do
          {:charged, ^order_id, :ok} ->
            # 5. Notify the user and the original client
            send(notifier, {:notify, order_id, "completed"})
            send(client, {:order_done, order_id})
        after
          5000 ->
            send(notifier, {:notify, order_id, "failed (timeout)"})
            send(client, {:order_failed, order_id})
        end
        loop(warehouse, payment, notifier)
    end
  end
end

# ----- Start the system -----
warehouse = Warehouse.start_link()
payment = Payment.start_link()
notifier = Notifier.start_link()
coordinator = OrderCoordinator.start_link(warehouse, payment, notifier)

# Simulate a client placing an order
client = self()
send(coordinator, {:order, 42, [:widget, :gadget], 1299, client})

receive do
  {:order_done, id} ->
    Notifier.sync(notifier)
    IO.puts("Client: order #{id} succeeded")
  {:order_failed, id} ->
    Notifier.sync(notifier)
    IO.puts("Client: order #{id} failed")
after
  6000 -> IO.puts("Client: no reply, something went wrong")
end

send(coordinator, {:order, 43, [:sprocket], 499, client})

receive do
  {:order_done, id} ->
    Notifier.sync(notifier)
    IO.puts("Client: order #{id} succeeded")
  {:order_failed, id} ->
    Notifier.sync(notifier)
    IO.puts("Client: order #{id} failed")
after
  6000 -> IO.puts("Client: no reply, something went wrong")
end
