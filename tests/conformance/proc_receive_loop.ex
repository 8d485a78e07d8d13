# A recursive receive loop accumulating state until a stop message.
defmodule Acc do
  def loop(state) do
    receive do
      {:add, n} -> loop(%{state | sum: state.sum + n, count: state.count + 1})
      {:word, w} -> loop(%{state | words: [w | state.words]})
      {:stop, from} -> send(from, {:final, state})
    end
  end

  def collect(n, acc) when n == 0, do: Enum.reverse(acc)

  def collect(n, acc) do
    receive do
      {:item, x} -> collect(n - 1, [x | acc])
    end
  end
end

defmodule T do
  def main do
    pid = spawn(fn -> Acc.loop(%{sum: 0, count: 0, words: []}) end)
    ref = Process.monitor(pid)
    Enum.each(1..10, &send(pid, {:add, &1}))
    Enum.each(["alpha", "beta", "gamma"], &send(pid, {:word, &1}))
    send(pid, {:stop, self()})
    receive do
      {:final, st} ->
        IO.inspect(st.sum, label: "sum")
        IO.inspect(st.count, label: "count")
        IO.inspect(Enum.reverse(st.words), label: "words")
    end
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "loop process ended")
    end
    IO.inspect(Process.alive?(pid), label: "alive?")
    Enum.each([:x, :y, :z], &send(self(), {:item, &1}))
    IO.inspect(Acc.collect(3, []), label: "collected")
  end
end

T.main()
