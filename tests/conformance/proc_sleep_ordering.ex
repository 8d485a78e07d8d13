# :timer.sleep/1 and Process.sleep/1 delay a process; messages arrive in time order.
defmodule T do
  def main do
    me = self()
    spawn(fn ->
      :timer.sleep(120)
      send(me, {:a, :slept_120})
    end)
    spawn(fn ->
      Process.sleep(10)
      send(me, {:b, :slept_10})
    end)
    spawn(fn ->
      Process.sleep(65)
      send(me, {:c, :slept_65})
    end)
    order = for _ <- 1..3 do
      receive do
        {who, what} -> {who, what}
      end
    end
    IO.inspect(order, label: "arrival order")
    IO.inspect(:timer.sleep(1), label: ":timer.sleep returns")
    IO.inspect(Process.sleep(1), label: "Process.sleep returns")
    # a sleeping process still gets its messages queued
    sleeper = spawn(fn ->
      Process.sleep(60)
      got = for _ <- 1..3, do: (receive do x -> x end)
      send(me, {:sleeper, got})
    end)
    send(sleeper, :one)
    send(sleeper, :two)
    send(sleeper, :three)
    receive do
      {:sleeper, got} -> IO.inspect(got, label: "sleeper got after waking")
    end
    # sleep in the main process while a child sends: the message waits in the mailbox
    spawn(fn -> send(me, :while_sleeping) end)
    Process.sleep(50)
    r = receive do
      m -> {:already_queued, m}
    after
      0 -> :not_there
    end
    IO.inspect(r, label: "after sleeping")
  end
end

T.main()
