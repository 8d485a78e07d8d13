# :timer (tc, units, timers and cancel) and :os (cmd, type, timestamp, find_executable)
{:ok, {:send_local, ref}} = :timer.send_after(10, self(), :hi)
IO.inspect(is_reference(ref))
{:ok, t} = :timer.send_after(1000, self(), :never)
IO.inspect({:timer.cancel(t), :timer.cancel(t), :timer.cancel(:bad), :timer.send_after(-1, self(), :x)})
{:ok, {:once, r}} = :timer.apply_after(20, :erlang, :send, [self(), :applied])
IO.inspect(is_reference(r))
{:ok, iv} = :timer.send_interval(15, :tick)
IO.inspect({:timer.seconds(2), :timer.minutes(2), :timer.hours(1), :timer.hms(1, 2, 3), :timer.now_diff({1, 2, 3}, {1, 1, 0})})
{time, v} = :timer.tc(fn -> Enum.sum(1..1000) end)
IO.inspect({is_integer(time) and time >= 0, v})
IO.inspect({elem(:timer.tc(fn x -> x * 2 end, [4]), 1), elem(:timer.tc(Enum, :sum, [[1, 2]]), 1)})
IO.inspect(:timer.sleep(1))
receive do
  :hi -> IO.puts("got hi")
end
receive do
  :applied -> IO.puts("applied")
end
receive do
  :tick -> IO.puts("tick 1")
end
receive do
  :tick -> IO.puts("tick 2")
end
IO.inspect(:timer.cancel(iv))
Process.sleep(60)
receive do
  :tick -> :ok
after
  0 -> :ok
end
receive do
  :tick -> IO.puts("ticked after cancel")
after
  50 -> IO.puts("no more ticks")
end
IO.inspect(:os.cmd('echo hi; echo there'))
IO.inspect(:os.cmd('printf "h\\303\\251llo"'))
try do
  :os.cmd("echo binary command")
rescue
  e -> IO.puts(Exception.message(e))
end
IO.inspect({:os.type(), is_tuple(:os.version()), is_integer(:os.perf_counter()), :os.find_executable('sh') != false, :os.find_executable('nonexistent_xyz')})
{mega, sec, micro} = :os.timestamp()
IO.inspect(mega * 1_000_000 + sec > 1_600_000_000 and micro < 1_000_000)
{{y, _, _}, {_, _, _}} = :erlang.universaltime()
IO.inspect(y >= 2022)
try do
  :timer.seconds(:a)
rescue
  e -> IO.inspect(e)
end
