# Process.monitor/1: a {:DOWN, ref, :process, pid, :normal} message when the process ends.
defmodule T do
  def main do
    me = self()
    pid = spawn(fn ->
      receive do
        :go -> send(me, :working)
      end
    end)
    ref = Process.monitor(pid)
    IO.inspect(is_reference(ref), label: "monitor ref")
    send(pid, :go)
    receive do
      :working -> IO.puts("child working")
    end
    receive do
      {:DOWN, r, type, p, reason} ->
        IO.inspect({r == ref, type, p == pid, reason}, label: "DOWN")
    end
    # two monitors on one process give two DOWN messages
    pid2 = spawn(fn -> receive do :go -> :ok end end)
    r1 = Process.monitor(pid2)
    r2 = Process.monitor(pid2)
    IO.inspect(r1 == r2, label: "same ref")
    send(pid2, :go)
    got = for _ <- 1..2 do
      receive do
        {:DOWN, ref, :process, ^pid2, :normal} -> if ref == r1, do: :first, else: :second
      end
    end
    IO.inspect(Enum.sort(got), label: "both monitors fired")
    # monitoring is one-way: the monitored process is not affected by our exit status
    IO.inspect(Process.alive?(pid2), label: "alive after DOWN")
    # the monitoring process is not affected by a crash either
    pid3 = spawn(fn -> receive do :go -> raise "oops" end end)
    ref3 = Process.monitor(pid3)
    send(pid3, :go)
    receive do
      {:DOWN, ^ref3, :process, ^pid3, {%RuntimeError{message: m}, _}} -> IO.puts("crash seen: #{m}")
    end
    IO.puts("monitoring process unharmed")
  end
end

T.main()
