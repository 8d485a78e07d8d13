# Process.cancel_timer/1: remaining ms (an integer) while pending, false afterwards.
defmodule T do
  def main do
    ref = Process.send_after(self(), :never, 5000)
    left = Process.cancel_timer(ref)
    IO.inspect(is_integer(left), label: "cancel returns integer")
    IO.inspect(left > 4000 and left <= 5000, label: "remaining close to 5000")
    IO.inspect(Process.cancel_timer(ref), label: "cancel twice")
    r = receive do
      :never -> :arrived
    after
      50 -> :no_message
    end
    IO.inspect(r, label: "after cancel")

    fired = Process.send_after(self(), :fired, 10)
    receive do
      :fired -> IO.puts("timer fired")
    end
    IO.inspect(Process.cancel_timer(fired), label: "cancel fired timer")

    # cancel one of two timers; only the other arrives
    a = Process.send_after(self(), :a, 40)
    _b = Process.send_after(self(), :b, 60)
    IO.inspect(is_integer(Process.cancel_timer(a)), label: "cancelled a")
    got = receive do
      m -> m
    after
      500 -> :none
    end
    IO.inspect(got, label: "got")
    IO.inspect(Process.cancel_timer(make_ref()), label: "cancel unknown ref")
  end
end

T.main()
