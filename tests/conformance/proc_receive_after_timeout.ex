# `after N` gives up after N ms; a message sent later is still received later.
defmodule T do
  def main do
    me = self()
    r = receive do
      :never -> :got_it
    after
      50 -> :timed_out
    end
    IO.inspect(r, label: "nothing sent")
    spawn(fn ->
      Process.sleep(150)
      send(me, :late)
    end)
    r2 = receive do
      :late -> :got_late
    after
      30 -> :too_early
    end
    IO.inspect(r2, label: "wait 30 ms")
    r3 = receive do
      :late -> :got_late
    after
      500 -> :gave_up
    end
    IO.inspect(r3, label: "wait 500 ms")
    spawn(fn -> send(me, :quick) end)
    r4 = receive do
      :quick -> :quick_arrived
    after
      400 -> :gave_up
    end
    IO.inspect(r4, label: "quick reply")
    # timeout given by a variable
    t = 20
    r5 = receive do
      :nope -> :nope
    after
      t -> {:timeout, t}
    end
    IO.inspect(r5, label: "variable timeout")
  end
end

T.main()
