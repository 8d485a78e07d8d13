# Several producers: each producer's messages stay in order, whatever the interleaving.
defmodule Collector do
  # last: map producer id -> last sequence number seen
  def run(0, last, ok), do: {last, ok}

  def run(n, last, ok) do
    receive do
      {:msg, id, seq} ->
        prev = Map.get(last, id, 0)
        run(n - 1, Map.put(last, id, seq), ok and seq == prev + 1)
    end
  end
end

defmodule T do
  def main do
    me = self()
    producers = 8
    per = 500
    for id <- 1..producers do
      spawn(fn -> Enum.each(1..per, fn s -> send(me, {:msg, id, s}) end) end)
    end
    {last, ok} = Collector.run(producers * per, %{}, true)
    IO.inspect(ok, label: "every producer in order")
    IO.inspect(map_size(last), label: "producers seen")
    IO.inspect(Enum.all?(Map.values(last), &(&1 == per)), label: "all finished at #{per}")
    IO.inspect(Enum.sum(Map.values(last)), label: "total messages")
    receive do
      m -> IO.inspect(m, label: "extra")
    after
      0 -> IO.puts("no extra messages")
    end
  end
end

T.main()
