# Messages from one sender arrive in the order they were sent.
defmodule Check do
  def receive_all(0, expected, ok), do: {expected, ok}

  def receive_all(n, expected, ok) do
    receive do
      {:seq, i} -> receive_all(n - 1, expected + 1, ok and i == expected)
    end
  end
end

defmodule T do
  def main do
    me = self()
    spawn(fn -> Enum.each(1..1000, fn i -> send(me, {:seq, i}) end) end)
    {next, in_order} = Check.receive_all(1000, 1, true)
    IO.inspect(next - 1, label: "received")
    IO.inspect(in_order, label: "in order")
    # the other direction: parent sends to a child that checks the order
    child = spawn(fn ->
      res = Check.receive_all(1000, 1, true)
      send(me, {:child_result, res})
    end)
    Enum.each(1..1000, fn i -> send(child, {:seq, i}) end)
    receive do
      {:child_result, {n, ok}} -> IO.inspect({n - 1, ok}, label: "child saw")
    end
    # ordering is kept even when messages are skipped by a selective receive
    spawn(fn -> for i <- 1..10, do: send(me, if(rem(i, 2) == 0, do: {:even, i}, else: {:odd, i})) end)
    odds = for _ <- 1..5, do: (receive do {:odd, i} -> i end)
    evens = for _ <- 1..5, do: (receive do {:even, i} -> i end)
    IO.inspect(odds, label: "odds")
    IO.inspect(evens, label: "evens")
  end
end

T.main()
