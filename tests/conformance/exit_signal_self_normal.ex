# `Process.exit(self(), :normal)` ends the script process at once (an
# exit signal to itself, unlike `exit(:normal)`, which the script runner
# catches): nothing after it runs and `elixir` exits with status 1.
defmodule Worker do
  def run(parent) do
    Process.exit(self(), :normal)
    send(parent, :not_sent)
  end

  def watch(parent) do
    pid = spawn(fn -> run(parent) end)
    ref = Process.monitor(pid)

    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "worker down")
    end
  end
end

parent = self()
Worker.watch(parent)

receive do
  :not_sent -> IO.puts("unexpected")
after
  50 -> IO.puts("the worker sent nothing")
end

IO.puts("before")
Process.exit(self(), :normal)
IO.puts("not printed")
