# A crashing process does not disturb its parent or its siblings.
defmodule T do
  def worker(parent, n) do
    receive do
      :go ->
        if n == 3, do: raise("worker #{n} failed")
        send(parent, {:result, n, n * n})
    end
  end

  def main do
    me = self()
    workers = for n <- 1..5, do: {n, spawn(fn -> worker(me, n) end)}
    refs = for {n, pid} <- workers, into: %{}, do: {Process.monitor(pid), n}
    Enum.each(workers, fn {_, pid} -> send(pid, :go) end)
    downs = for _ <- 1..5 do
      receive do
        {:DOWN, ref, :process, _, :normal} -> {Map.fetch!(refs, ref), :ok}
        {:DOWN, ref, :process, _, {e, _}} -> {Map.fetch!(refs, ref), Exception.message(e)}
      end
    end
    Enum.each(Enum.sort(downs), fn {n, r} -> IO.puts("worker #{n}: #{r}") end)
    results = for _ <- 1..4 do
      receive do
        {:result, n, sq} -> {n, sq}
      end
    end
    IO.inspect(Enum.sort(results), label: "results from survivors")
    spawn(fn -> exit(:whatever) end)
    spawn(fn -> throw(:up) end)
    spawn(fn -> raise ArgumentError end)
    receive do
    after
      50 -> :ok
    end
    IO.inspect(Process.alive?(self()), label: "parent alive")
    IO.puts("parent continues normally")
  end
end

T.main()
