# A registered name is released when its process dies.
defmodule T do
  def wait_down(pid) do
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end

  def main do
    pid = spawn(fn -> receive do :stop -> :ok end end)
    Process.register(pid, :service)
    IO.inspect(Process.whereis(:service) == pid, label: "registered")
    send(:service, :stop)
    IO.inspect(wait_down(pid), label: "stopped")
    IO.inspect(Process.whereis(:service), label: "whereis after exit")
    # the name can be reused by a new process
    pid2 = spawn(fn -> receive do :crash -> raise "bad" end end)
    Process.register(pid2, :service)
    IO.inspect(Process.whereis(:service) == pid2, label: "re-registered")
    send(:service, :crash)
    {e, _} = wait_down(pid2)
    IO.inspect(e, label: "crashed")
    IO.inspect(Process.whereis(:service), label: "whereis after crash")
    # sending to the released name now raises
    r = try do
      send(:service, :hello)
    rescue
      ArgumentError -> :no_longer_registered
    end
    IO.inspect(r)
    # a process that registers itself and is killed
    me = self()
    pid3 = spawn(fn ->
      Process.register(self(), :self_named)
      send(me, :registered)
      receive do
        _ -> :ok
      end
    end)
    receive do
      :registered -> :ok
    end
    IO.inspect(Process.whereis(:self_named) == pid3, label: "self-registered")
    ref3 = Process.monitor(pid3)
    Process.exit(pid3, :kill)
    receive do
      {:DOWN, ^ref3, :process, ^pid3, r} -> IO.inspect(r, label: "killed")
    end
    IO.inspect(Process.whereis(:self_named), label: "name after kill")
  end
end

T.main()
