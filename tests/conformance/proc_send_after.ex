# Process.send_after/3 delivers a message later; direct sends overtake it.
defmodule T do
  def next do
    receive do
      m -> m
    after
      1000 -> :nothing
    end
  end

  def main do
    me = self()
    ref = Process.send_after(self(), :delayed, 60)
    IO.inspect(is_reference(ref), label: "timer ref")
    send(self(), :direct)
    IO.inspect(next(), label: "first")
    IO.inspect(next(), label: "second")
    # several timers fire in deadline order, not creation order
    Process.send_after(self(), {:t, 150}, 150)
    Process.send_after(self(), {:t, 50}, 50)
    Process.send_after(self(), {:t, 100}, 100)
    IO.inspect([next(), next(), next()], label: "timers")
    # to another process
    child = spawn(fn ->
      receive do
        {:ping, from} -> send(from, :pong_from_child)
      end
    end)
    Process.send_after(child, {:ping, me}, 40)
    IO.inspect(next(), label: "child answered")
    # not there yet right after scheduling
    Process.send_after(self(), :soon, 80)
    r = receive do
      :soon -> :already
    after
      0 -> :not_yet
    end
    IO.inspect(r, label: "immediately")
    IO.inspect(next(), label: "later")
    # a 0 ms timer still arrives as a message
    Process.send_after(self(), :zero, 0)
    IO.inspect(next(), label: "0 ms timer")
  end
end

T.main()
