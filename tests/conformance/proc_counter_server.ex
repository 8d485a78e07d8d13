# A stateful server with synchronous calls tagged by make_ref().
defmodule Counter do
  def start(initial), do: spawn(fn -> loop(initial) end)

  def call(pid, request, timeout \\ 500) do
    ref = make_ref()
    send(pid, {:call, self(), ref, request})
    receive do
      {:reply, ^ref, answer} -> answer
    after
      timeout -> :timeout
    end
  end

  def cast(pid, request), do: send(pid, {:cast, request})

  defp loop(n) do
    receive do
      {:call, from, ref, :get} -> send(from, {:reply, ref, n}); loop(n)
      {:call, from, ref, {:add, k}} -> send(from, {:reply, ref, n + k}); loop(n + k)
      {:call, from, ref, :reset} -> send(from, {:reply, ref, {:was, n}}); loop(0)
      {:call, from, ref, :stop} -> send(from, {:reply, ref, :stopped})
      {:cast, :inc} -> loop(n + 1)
    end
  end
end

defmodule T do
  def main do
    c = Counter.start(10)
    IO.inspect(Counter.call(c, :get), label: "get")
    IO.inspect(Counter.call(c, {:add, 5}), label: "add 5")
    Enum.each(1..7, fn _ -> Counter.cast(c, :inc) end)
    IO.inspect(Counter.call(c, :get), label: "after 7 casts")
    IO.inspect(Counter.call(c, :reset), label: "reset")
    IO.inspect(Counter.call(c, :get), label: "get")
    # a stray reply with a different ref is not mistaken for ours
    send(self(), {:reply, make_ref(), :stale})
    IO.inspect(Counter.call(c, {:add, 1}), label: "add 1 with stale reply queued")
    receive do
      {:reply, _, v} -> IO.inspect(v, label: "stale one still queued")
    end
    r1 = make_ref()
    IO.inspect({is_reference(r1), r1 == make_ref(), r1 == r1}, label: "refs")
    IO.inspect(Counter.call(c, :stop), label: "stop")
    IO.inspect(Counter.call(c, :get, 60), label: "call after stop")
  end
end

T.main()
