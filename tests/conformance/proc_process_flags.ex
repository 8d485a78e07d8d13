# Process.flag/2: trap_exit and priority keep their value; bad flags raise.
IO.inspect(Process.flag(:trap_exit, true))
IO.inspect(Process.flag(:trap_exit, false))
IO.inspect(Process.flag(:priority, :high))
IO.inspect(Process.info(self(), :priority))
IO.inspect(Process.flag(:priority, :low))
IO.inspect(Process.flag(:priority, :normal))
IO.inspect(Process.flag(:min_heap_size, 1000))
IO.inspect(Process.flag(:save_calls, 10))
IO.inspect(Process.flag(:sensitive, false))
IO.inspect(Process.flag(:message_queue_data, :off_heap))

for {flag, value} <- [bogus: 1, priority: :urgent, trap_exit: :yes, min_heap_size: -1] do
  try do
    Process.flag(flag, value)
  rescue
    e in ArgumentError -> IO.puts(Exception.message(e))
  end
end

pid = Process.spawn(fn -> receive do: (:stop -> :ok) end, [{:priority, :high}])
Process.sleep(10)
IO.inspect(Process.info(pid, :priority))
IO.inspect(Process.info(pid, [:priority, :trap_exit]))
send(pid, :stop)
{pid, ref} = Process.spawn(fn -> :ok end, [:monitor])
receive do: ({:DOWN, ^ref, :process, ^pid, reason} -> IO.inspect(reason, label: "down"))
