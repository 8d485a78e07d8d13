# Process.flag(:trap_exit, bool) returns the previous value; the flag is per process.
defmodule T do
  def main do
    me = self()
    IO.inspect(Process.flag(:trap_exit, true), label: "first set (old)")
    IO.inspect(Process.flag(:trap_exit, true), label: "set again (old)")
    IO.inspect(Process.flag(:trap_exit, false), label: "clear (old)")
    IO.inspect(Process.flag(:trap_exit, false), label: "clear again (old)")
    Process.flag(:trap_exit, true)
    spawn(fn -> send(me, {:child_old, Process.flag(:trap_exit, true)}) end)
    receive do
      {:child_old, v} -> IO.inspect(v, label: "child starts with")
    end
    # the flag decides whether a linked crash is a message or our death
    spawn(fn ->
      Process.flag(:trap_exit, true)
      inner = spawn_link(fn -> exit(:inner_died) end)
      receive do
        {:EXIT, ^inner, r} -> send(me, {:middle_trapped, r})
      end
    end)
    receive do
      {:middle_trapped, r} -> IO.inspect(r, label: "trapping middle got")
    end
    middle = spawn(fn ->
      spawn_link(fn -> exit(:inner_died) end)
      receive do
        _ -> :unreachable
      end
    end)
    ref = Process.monitor(middle)
    receive do
      {:DOWN, ^ref, :process, ^middle, r} -> IO.inspect(r, label: "non-trapping middle died with")
    end
    IO.inspect(Process.flag(:trap_exit, false), label: "main old value at end")
  end
end

T.main()
