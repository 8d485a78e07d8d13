# Task.yield, yield_many, shutdown and ignore.
t = Task.async(fn -> Process.sleep(50); :slow end)
IO.inspect(Task.yield(t, 0))
IO.inspect(Task.yield(t, 1000))
t = Task.async(fn -> :quick end)
Process.sleep(10)
IO.inspect(Task.yield(t))
Process.flag(:trap_exit, true)
t = Task.async(fn -> exit(:bye) end)
IO.inspect(Task.yield(t))
tasks = [
  Task.async(fn -> :a end),
  Task.async(fn -> :b end),
  Task.async(fn -> Process.sleep(:infinity) end),
  Task.async(fn -> exit(:c) end)
]
results = Task.yield_many(tasks, 100)
IO.inspect(Enum.map(results, fn {_task, r} -> r end))
IO.inspect(Enum.map(results, fn {task, _} -> task end) == tasks)
IO.inspect(Task.shutdown(Enum.at(tasks, 2)))
t = Task.async(fn -> Process.sleep(:infinity) end)
IO.inspect(Task.shutdown(t, :brutal_kill))
t = Task.async(fn -> :done end)
Process.sleep(10)
IO.inspect(Task.shutdown(t))
t = Task.async(fn -> Process.sleep(20); :ignored end)
IO.inspect(Task.ignore(t))
Process.sleep(50)
receive do
  {_, :ignored} -> IO.puts("reply leaked")
after
  0 -> IO.puts("reply dropped")
end
try do
  Task.shutdown(%Task{ref: make_ref(), owner: self(), pid: nil, mfa: {M, :f, 0}})
rescue
  e in ArgumentError -> IO.puts(String.contains?(e.message, "does not have an associated task process"))
end
