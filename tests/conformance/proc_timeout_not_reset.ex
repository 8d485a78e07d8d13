# A receive timeout counts from when the receive started: messages that match no clause,
# monitors and links arriving meanwhile do not restart it.
defmodule T do
  def sleeper(parent, name, ms) do
    spawn(fn ->
      Process.sleep(ms)
      send(parent, {:woke, name})
    end)
  end

  def order(n), do: for(_ <- 1..n, do: (receive do {:woke, name} -> name end))

  def main do
    me = self()
    # b sleeps 120 ms and is disturbed at 70 ms; c wakes at 170 ms (a restarted
    # timeout would wake b at 190 ms, after c)
    b = sleeper(me, :b, 120)
    _c = sleeper(me, :c, 170)
    Process.sleep(70)
    Process.monitor(b)
    IO.inspect(order(2), label: "monitored while sleeping")

    b = sleeper(me, :b, 120)
    _c = sleeper(me, :c, 170)
    Process.sleep(70)
    send(b, :unrelated_message)
    IO.inspect(order(2), label: "message while sleeping")

    Process.flag(:trap_exit, true)
    b = sleeper(me, :b, 120)
    _c = sleeper(me, :c, 170)
    Process.sleep(70)
    Process.link(b)
    IO.inspect(order(2), label: "linked while sleeping")

    # the same for a receive ... after with a clause that the message does not match
    waiter = spawn(fn ->
      r = receive do
        :wanted -> :wanted
      after
        120 -> :timeout
      end
      send(me, {:waiter, r})
    end)
    _c = sleeper(me, :c, 170)
    Process.sleep(70)
    send(waiter, :not_wanted)
    first = receive do
      {:waiter, r} -> {:waiter, r}
      {:woke, name} -> {:woke, name}
    end
    IO.inspect(first, label: "receive-after timeout first")
    IO.inspect(order(1), label: "then")
  end
end

T.main()
