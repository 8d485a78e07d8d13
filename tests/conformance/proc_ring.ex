# A ring of 1000 processes passing a token around several times.
defmodule Ring do
  def start(n, parent) do
    first = self()
    next = build(n - 1, first)
    send(parent, :ring_ready)
    relay(next, parent, :first)
  end

  # spawns the chain; the last one points back at the first
  def build(0, first), do: first

  def build(k, first) do
    spawn(fn ->
      next = build(k - 1, first)
      relay(next, nil, :member)
    end)
  end

  def relay(next, parent, role) do
    receive do
      {:token, hops, 0} when role == :first ->
        send(parent, {:done, hops})
        relay(next, parent, role)
      {:token, hops, laps} when role == :first ->
        send(next, {:token, hops + 1, laps - 1})
        relay(next, parent, role)
      {:token, hops, laps} ->
        send(next, {:token, hops + 1, laps})
        relay(next, parent, role)
    end
  end
end

defmodule T do
  def main do
    me = self()
    first = spawn(fn -> Ring.start(1000, me) end)
    receive do
      :ring_ready -> IO.puts("ring of 1000 ready")
    end
    send(first, {:token, 0, 3})
    receive do
      {:done, hops} -> IO.inspect(hops, label: "hops after 3 laps")
    end
    send(first, {:token, 0, 1})
    receive do
      {:done, hops} -> IO.inspect(hops, label: "hops after 1 lap")
    end
    send(first, {:token, 0, 0})
    receive do
      {:done, hops} -> IO.inspect(hops, label: "zero laps")
    end
  end
end

T.main()
