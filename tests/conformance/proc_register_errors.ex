# Registration errors raise ArgumentError (their messages mention pids, so only
# the exception type is printed).
defmodule T do
  def attempt(f) do
    try do
      {:ok, f.()}
    rescue
      e in ArgumentError -> {:error, e.__struct__}
    end
  end

  def idle, do: receive(do: (:stop -> :ok))

  def main do
    a = spawn(&idle/0)
    b = spawn(&idle/0)
    IO.inspect(attempt(fn -> Process.register(a, :taken) end), label: "first register")
    IO.inspect(attempt(fn -> Process.register(b, :taken) end), label: "same name again")
    IO.inspect(attempt(fn -> Process.register(a, :second_name) end), label: "second name for a")
    IO.inspect(Process.whereis(:taken) == a, label: "name still belongs to a")
    dead = spawn(fn -> :ok end)
    ref = Process.monitor(dead)
    receive do
      {:DOWN, ^ref, :process, ^dead, _} -> :ok
    end
    IO.inspect(attempt(fn -> Process.register(dead, :dead_one) end), label: "dead process")
    IO.inspect(Process.whereis(:dead_one), label: "whereis dead_one")
    IO.inspect(attempt(fn -> Process.unregister(:never_registered) end), label: "unregister unknown")
    IO.inspect(attempt(fn -> Process.unregister(:taken) end), label: "unregister :taken")
    IO.inspect(attempt(fn -> Process.register(b, :taken) end), label: "now b can take it")
    IO.inspect(Process.whereis(:taken) == b, label: "belongs to b")
    send(a, :stop)
    send(b, :stop)
  end
end

T.main()
