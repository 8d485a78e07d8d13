# Task timeouts: await exits the caller, yield returns nil, shutdown afterwards.
defmodule T do
  def try_await(task, t) do
    try do
      Task.await(task, t)
    catch
      :exit, {reason, {Task, :await, [_, tt]}} -> {:exited, reason, tt}
    end
  end
end

slow = Task.async(fn -> Process.sleep(300); :slow_done end)
IO.inspect(T.try_await(slow, 20), label: "await timeout")
IO.inspect(Task.yield(slow, 10), label: "yield timeout")
IO.inspect(Task.yield(slow, 400), label: "yield after await timeout")
IO.inspect(Task.shutdown(slow), label: "shutdown after")

t2 = Task.async(fn -> Process.sleep(500); :never end)
IO.inspect(Task.yield(t2, 0), label: "yield 0")
IO.inspect(Task.shutdown(t2), label: "shutdown")

t3 = Task.async(fn -> :quick end)
Process.sleep(20)
IO.inspect(Task.shutdown(t3), label: "shutdown finished")

t4 = Task.async(fn -> Process.sleep(1000) end)
IO.inspect(Task.shutdown(t4, :brutal_kill), label: "brutal")

tasks = [Task.async(fn -> 1 end), Task.async(fn -> Process.sleep(400); 2 end), Task.async(fn -> 3 end)]
res = Task.yield_many(tasks, 50)
IO.inspect(Enum.map(res, fn {_t, r} -> r end), label: "yield_many")
Enum.each(res, fn {t, nil} -> Task.shutdown(t, :brutal_kill); _ -> :ok end)

many = [Task.async(fn -> :a end), Task.async(fn -> Process.sleep(400); :b end)]
r =
  try do
    Task.await_many(many, 30)
  catch
    :exit, {reason, {Task, :await_many, [_, t]}} -> {:exited, reason, t}
  end
IO.inspect(r, label: "await_many timeout")
IO.inspect(Task.await_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end)]), label: "await_many")

infinite = Task.async(fn -> receive do :go -> :went end end)
send(infinite.pid, :go)
IO.inspect(Task.await(infinite, :infinity), label: "infinity")
