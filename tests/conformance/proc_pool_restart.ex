# A supervisor-like parent traps exits, restarts crashed workers and retries their jobs.
defmodule Pool do
  def worker(boss) do
    send(boss, {:ready, self()})
    receive do
      {:job, id, n} ->
        if n == 13, do: raise("unlucky #{id}")
        send(boss, {:done, self(), id, n * 2})
        worker(boss)
    end
  end

  def start_worker do
    boss = self()
    spawn_link(fn -> worker(boss) end)
  end

  # jobs: pending list of {id, n}; busy: pid => job; results: id => value
  def run([], busy, results, log) when map_size(busy) == 0, do: {results, log}

  def run(jobs, busy, results, log) do
    receive do
      {:ready, pid} when jobs != [] ->
        [{id, n} = job | rest] = jobs
        send(pid, {:job, id, n})
        run(rest, Map.put(busy, pid, job), results, log)
      {:done, pid, id, v} ->
        run(jobs, Map.delete(busy, pid), Map.put(results, id, v), log)
      {:EXIT, pid, :normal} ->
        run(jobs, Map.delete(busy, pid), results, log)
      {:EXIT, pid, {%RuntimeError{message: m}, _}} ->
        {id, n} = Map.fetch!(busy, pid)
        start_worker()
        # retry the job with a fixed input
        run([{id, n + 1} | jobs], Map.delete(busy, pid), results, [m | log])
    end
  end
end

defmodule T do
  def main do
    Process.flag(:trap_exit, true)
    workers = for _ <- 1..3, do: Pool.start_worker()
    jobs = [a: 1, b: 13, c: 5, d: 13, e: 8]
    {results, log} = Pool.run(jobs, %{}, %{}, [])
    IO.inspect(length(workers), label: "initial workers")
    IO.inspect(Enum.sort(log), label: "crashes")
    IO.inspect(Enum.sort(Map.to_list(results)), label: "results")
    IO.inspect(map_size(results), label: "results count")
  end
end

T.main()
IO.puts("pool finished; parent never crashed")
