# Process.list/0 returns the pids of all live processes, self() among them.
defmodule T do
  def main do
    l = Process.list()
    IO.inspect(is_list(l), label: "is_list")
    IO.inspect(self() in l, label: "self() in list")
    IO.inspect(Enum.all?(l, &is_pid/1), label: "all pids")
    pid = spawn(fn -> receive do :stop -> :ok end end)
    l2 = Process.list()
    IO.inspect(pid in l2, label: "new child listed")
    IO.inspect(length(l2) > length(l) - 1, label: "list did not shrink")
    ref = Process.monitor(pid)
    send(pid, :stop)
    receive do
      {:DOWN, ^ref, :process, ^pid, _} -> :ok
    end
    IO.inspect(pid in Process.list(), label: "dead child listed")
    many = for _ <- 1..20, do: spawn(fn -> receive do :stop -> :ok end end)
    now = Process.list()
    IO.inspect(Enum.all?(many, &(&1 in now)), label: "all 20 listed")
    Enum.each(many, &send(&1, :stop))
  end
end

T.main()
