# Task.await exits: timeout, task exits, crashes (trapped), non-owner use.
defmodule Run do
  def exit_of(fun) do
    try do
      fun.()
    catch
      :exit, reason -> reason
    end
  end

  def main do
    task = Task.async(fn -> Process.sleep(:infinity) end)
    {:timeout, {Task, :await, [^task, 10]}} = exit_of(fn -> Task.await(task, 10) end)
    IO.puts("timeout")
    IO.inspect(Task.shutdown(task))
    task = Task.async(fn -> exit(:normal) end)
    {:normal, {Task, :await, [^task, 5000]}} = exit_of(fn -> Task.await(task) end)
    IO.puts("normal exit")
    Process.flag(:trap_exit, true)
    task = Task.async(fn -> raise "oops" end)
    {{%RuntimeError{message: m}, _}, {Task, :await, _}} = exit_of(fn -> Task.await(task) end)
    IO.inspect(m)
    task = Task.async(fn -> throw(:ball) end)
    {{{:nocatch, :ball}, _}, _} = exit_of(fn -> Task.await(task) end)
    IO.puts("throw")
    task = Task.async(fn -> exit(:custom) end)
    {:custom, _} = exit_of(fn -> Task.await(task) end)
    IO.puts("custom exit")
    receive do: ({:EXIT, _, {%RuntimeError{}, _}} -> IO.puts("EXIT of the crashed task"))
    parent = self()
    spawn(fn -> send(parent, {:task, Task.async(fn -> :x end)}) end)
    task = receive do: ({:task, t} -> t)
    try do
      Task.await(task)
    rescue
      e in ArgumentError -> IO.puts(String.contains?(e.message, "must be queried from the owner"))
    end
    task = Task.async(fn -> Process.sleep(50); :late end)
    {:timeout, _} = exit_of(fn -> Task.await(task, 0) end)
    Process.sleep(100)
    receive do
      {_ref, :late} -> IO.puts("late reply leaked")
    after
      0 -> IO.puts("late reply dropped")
    end
  end
end

Run.main()
