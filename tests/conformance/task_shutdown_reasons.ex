# Task.shutdown/2: which end of the task gives nil, {:exit, reason} or {:ok, reply};
# Task.Supervisor at :max_children and its start_child/5 guard.
defmodule ShutdownDemo do
  def dead_task(reason) do
    {pid, ref} = spawn_monitor(Kernel, :exit, [reason])
    receive do: ({:DOWN, ^ref, _, _, _} -> %Task{ref: ref, pid: pid, owner: self(), mfa: {__MODULE__, :dead_task, 1}})
  end

  def run do
    me = self()

    for reason <- [:normal, :shutdown, :killed, :other], how <- [:brutal_kill, 100] do
      task = dead_task(reason)
      send(self(), {:DOWN, task.ref, :process, task.pid, reason})
      IO.inspect({reason, how, Task.shutdown(task, how)})
    end

    IO.inspect({:gone, Task.shutdown(dead_task(:normal), 100)})
    task = dead_task(:normal)
    send(self(), {task.ref, :reply})
    IO.inspect({:reply, Task.shutdown(task, 100)})
    task = dead_task(:normal)
    send(self(), {:DOWN, task.ref, :process, task.pid, :foo})
    send(self(), {task.ref, :late_reply})
    IO.inspect({:reply_after_down, Task.shutdown(task, :brutal_kill)})

    task = Task.async(fn -> Process.flag(:trap_exit, true); send(me, :ready); Process.sleep(:infinity) end)
    receive do: (:ready -> :ok)
    IO.inspect({:trapping, Task.shutdown(task, 10)})
    IO.inspect({:sleeping, Task.shutdown(Task.async(fn -> Process.sleep(:infinity) end), 10)})
    IO.inspect({:brutal, Task.shutdown(Task.async(fn -> Process.sleep(:infinity) end), :brutal_kill)})
    IO.inspect(Process.info(self(), :messages))
  end
end

ShutdownDemo.run()

{:ok, sup} = Task.Supervisor.start_link(max_children: 1)
Task.Supervisor.async(sup, fn -> Process.sleep(:infinity) end)

for f <- [
      fn -> Task.Supervisor.async(sup, fn -> :ok end) end,
      fn -> Task.Supervisor.async_nolink(sup, fn -> :ok end) end,
      fn -> Task.Supervisor.start_child(sup, fn -> :ok end) end,
      fn -> Task.Supervisor.start_child(sup, Kernel, :send, :not_a_list) end,
      fn -> Task.Supervisor.start_child(sup, Kernel, "send", []) end,
      fn -> Task.Supervisor.async_stream(sup, [1, 2, 3], &Process.sleep/1, max_concurrency: 2) |> Enum.to_list() end
    ] do
  try do
    IO.inspect(f.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end
end

