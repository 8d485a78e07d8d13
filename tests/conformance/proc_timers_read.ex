# Timers: send_after, read_timer, cancel_timer/2 options, start_timer, abs time.
t = Process.send_after(self(), :later, 100_000)
IO.inspect(is_integer(Process.read_timer(t)))
IO.inspect(Process.read_timer(t) > 99_000)
IO.inspect(is_integer(Process.cancel_timer(t)))
IO.inspect(Process.read_timer(t))
IO.inspect(Process.cancel_timer(t))
t = Process.send_after(self(), :soon, 0)
receive do: (:soon -> IO.puts("got soon"))
IO.inspect(Process.read_timer(t))
t = Process.send_after(self(), :x, 50_000)
IO.inspect(Process.cancel_timer(t, async: true))
receive do: ({:cancel_timer, ^t, left} -> IO.inspect(is_integer(left), label: "async result"))
t = Process.send_after(self(), :x, 50_000)
IO.inspect(Process.cancel_timer(t, info: false))
t = Process.send_after(self(), :x, 50_000)
IO.inspect(Process.cancel_timer(t, async: true, info: false))
receive do
  m -> IO.inspect(m)
after
  20 -> IO.puts("no answer")
end
now = System.monotonic_time(:millisecond)
Process.send_after(self(), :absolute, now + 20, abs: true)
receive do: (:absolute -> IO.puts("absolute fired"))
ref = :erlang.start_timer(10, self(), :payload)
receive do: ({:timeout, ^ref, :payload} -> IO.puts("start_timer message"))
for bad <- [-1, 1.5] do
  try do
    Process.send_after(self(), :x, bad)
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e))
  end
end
IO.inspect(Process.read_timer(make_ref()))
