# spawn_monitor/1 and /3 return {pid, ref} atomically.
defmodule Job do
  def run(parent, x), do: send(parent, {:job, x * 2})
  def fail(reason), do: exit(reason)
end

defmodule T do
  def main do
    me = self()
    {pid, ref} = spawn_monitor(fn -> send(me, :hello) end)
    IO.inspect({is_pid(pid), is_reference(ref)}, label: "spawn_monitor/1")
    receive do
      :hello -> IO.puts("got hello")
    end
    receive do
      {:DOWN, ^ref, :process, ^pid, r} -> IO.inspect(r, label: "down")
    end
    {p2, r2} = spawn_monitor(Job, :run, [me, 21])
    receive do
      {:job, v} -> IO.inspect(v, label: "spawn_monitor/3 result")
    end
    receive do
      {:DOWN, ^r2, :process, ^p2, r} -> IO.inspect(r, label: "down")
    end
    {p3, r3} = spawn_monitor(Job, :fail, [:job_failed])
    receive do
      {:DOWN, ^r3, :process, ^p3, r} -> IO.inspect(r, label: "failing job")
    end
    # immediate crash is still reported (no race between spawn and monitor)
    {p4, r4} = spawn_monitor(fn -> raise "instant" end)
    receive do
      {:DOWN, ^r4, :process, ^p4, {e, _}} -> IO.inspect(e, label: "instant crash")
    end
    # many at once, each DOWN matched to its own job
    jobs = for n <- 1..5, do: {n, spawn_monitor(fn -> if rem(n, 2) == 0, do: exit({:even, n}) end)}
    results = for {n, {p, r}} <- jobs do
      receive do
        {:DOWN, ^r, :process, ^p, reason} -> {n, reason}
      end
    end
    IO.inspect(results, label: "results")
  end
end

T.main()
