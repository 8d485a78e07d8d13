# Process.register/2, Process.whereis/1 and Process.unregister/1.
defmodule T do
  def loop do
    receive do
      {:who, from} ->
        send(from, {:i_am, self()})
        loop()
      :stop -> :ok
    end
  end

  def main do
    IO.inspect(Process.whereis(:kv_store), label: "before register")
    pid = spawn(&loop/0)
    IO.inspect(Process.register(pid, :kv_store), label: "register")
    IO.inspect(Process.whereis(:kv_store) == pid, label: "whereis is the pid")
    IO.inspect(is_pid(Process.whereis(:kv_store)), label: "is_pid")
    send(:kv_store, {:who, self()})
    receive do
      {:i_am, p} -> IO.inspect(p == pid, label: "reply from the named process")
    end
    IO.inspect(Process.unregister(:kv_store), label: "unregister")
    IO.inspect(Process.whereis(:kv_store), label: "after unregister")
    IO.inspect(Process.alive?(pid), label: "process still alive")
    # a process can have its name changed: unregister then register under a new one
    Process.register(pid, :renamed)
    IO.inspect(Process.whereis(:renamed) == pid, label: "renamed")
    # register self, look it up from a child
    Process.register(self(), :boss)
    me = self()
    spawn(fn -> send(me, {:child_sees_boss, Process.whereis(:boss) == me}) end)
    receive do
      {:child_sees_boss, v} -> IO.inspect(v, label: "child found :boss")
    end
    # two names, two processes
    other = spawn(&loop/0)
    Process.register(other, :other)
    IO.inspect(Process.whereis(:other) == Process.whereis(:renamed), label: "different pids")
    IO.inspect(Enum.map([:boss, :renamed, :other, :nobody], &is_pid(Process.whereis(&1))),
      label: "lookups")
    send(:renamed, :stop)
    send(:other, :stop)
  end
end

T.main()
