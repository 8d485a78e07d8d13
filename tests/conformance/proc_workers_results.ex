# A coordinator fans work out to workers and folds the results; one worker is slow.
defmodule Worker do
  def start(boss, id), do: spawn(fn -> loop(boss, id) end)

  defp loop(boss, id) do
    receive do
      {:task, ref, list} ->
        if id == 2, do: Process.sleep(50)
        send(boss, {:result, ref, id, Enum.sum(list)})
        loop(boss, id)
      :stop ->
        send(boss, {:stopped, id})
    end
  end
end

defmodule T do
  def chunks([], _n), do: []
  def chunks(list, n), do: [Enum.take(list, n) | chunks(Enum.drop(list, n), n)]

  def main do
    workers = for id <- 1..4, do: Worker.start(self(), id)
    parts = chunks(Enum.to_list(1..100), 25)
    IO.inspect(Enum.map(parts, &length/1), label: "chunk sizes")
    refs = for {w, part} <- Enum.zip(workers, parts) do
      ref = make_ref()
      send(w, {:task, ref, part})
      ref
    end
    sums = for ref <- refs do
      receive do
        {:result, ^ref, id, s} -> {id, s}
      end
    end
    IO.inspect(sums, label: "per worker")
    IO.inspect(Enum.reduce(sums, 0, fn {_, s}, acc -> acc + s end), label: "total")
    Enum.each(workers, &send(&1, :stop))
    stopped = for _ <- workers, do: (receive do {:stopped, id} -> id end)
    IO.inspect(Enum.sort(stopped), label: "stopped")
  end
end

T.main()
