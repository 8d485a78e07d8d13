# Process.alive?/1 right after a process was told to stop: a server that
# replies and ends, a process killed, one that returned, one waiting.
defmodule Stopper do
  use GenServer
  def init(x), do: {:ok, x}
  def handle_call(:stop, _from, s), do: {:stop, :normal, :ok, s}
  def handle_cast(:crash, _s), do: exit(:boom)
end

r =
  for _ <- 1..200 do
    {:ok, pid} = GenServer.start(Stopper, 0)
    :ok = GenServer.call(pid, :stop)
    Process.alive?(pid)
  end

IO.inspect(Enum.frequencies(r))

r =
  for _ <- 1..100 do
    {:ok, pid} = StringIO.open("x")
    {:ok, _} = StringIO.close(pid)
    :erlang.is_process_alive(pid)
  end

IO.inspect(Enum.frequencies(r))

r =
  for _ <- 1..100 do
    {:ok, pid} = Agent.start(fn -> 0 end)
    :ok = Agent.stop(pid)
    Process.alive?(pid)
  end

IO.inspect(Enum.frequencies(r))

pid = spawn(fn -> receive do :go -> :ok end end)
IO.inspect(Process.alive?(pid))
ref = Process.monitor(pid)
send(pid, :go)
receive do: ({:DOWN, ^ref, _, _, _} -> :ok)
IO.inspect(Process.alive?(pid))
IO.inspect(Process.alive?(self()))
pid2 = spawn(fn -> Process.sleep(:infinity) end)
Process.exit(pid2, :kill)
IO.inspect(Process.alive?(pid2))
IO.inspect(try do Process.alive?(:x) rescue e -> e end)
IO.inspect(Enum.map([self()], &Process.alive?/1))
