# Task.async/await: results, the struct, linking, $callers, await_many.
defmodule Math do
  def square(x), do: x * x
end

task = Task.async(fn -> 1 + 1 end)
IO.inspect(task.__struct__)
IO.inspect(task.mfa)
IO.inspect(task.owner == self())
IO.inspect(Task.await(task))
task = Task.async(Math, :square, [7])
IO.inspect(task.mfa)
IO.inspect(Task.await(task, 1000))
task = Task.async(fn -> receive do: (:go -> :went) end)
{:links, links} = Process.info(self(), :links)
IO.inspect(task.pid in links)
send(task.pid, :go)
IO.inspect(Task.await(task))
tasks = for i <- 1..5, do: Task.async(fn -> Process.sleep(30 - i * 5); i * 10 end)
IO.inspect(Task.await_many(tasks))
IO.inspect(Task.await_many([]))
parent = self()
inner =
  Task.async(fn ->
    me = self()
    [^parent] = Process.get(:"$callers")
    Task.async(fn -> Process.get(:"$callers") == [me, parent] end) |> Task.await()
  end)
IO.inspect(Task.await(inner))
IO.inspect(Task.await(Task.completed(:done)))
task = Task.async(fn -> :result end)
ref = task.ref
receive do: ({^ref, r} -> IO.inspect(r, label: "reply message"))
receive do: ({:DOWN, ^ref, :process, _, r} -> IO.inspect(r, label: "down message"))
IO.inspect(Task.child_spec(:arg))
