# Task.await/2 from a process that does not own the task: ArgumentError raised in Task.await/2's
# frame at Elixir's file and line.
t = Task.async(fn -> :result end)

other =
  Task.async(fn ->
    try do
      Task.await(t)
    rescue
      e -> {e.__struct__, e.message =~ "must be queried from the owner but was queried from", hd(__STACKTRACE__)}
    end
  end)

IO.inspect(Task.await(other))
IO.inspect(Task.await(t))
