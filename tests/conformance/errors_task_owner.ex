# Task.await/2, yield/2, ignore/1 and shutdown/2 from a process that does not own the task: an
# ArgumentError raised in that function's frame at Elixir's file and line.
defmodule Owner do
  def query(t, f) do
    other =
      Task.async(fn ->
        try do
          f.(t)
        rescue
          e -> {e.__struct__, e.message =~ "must be queried from the owner but was queried from", hd(__STACKTRACE__)}
        end
      end)

    IO.inspect(Task.await(other))
  end
end

t = Task.async(fn -> Process.sleep(50); :result end)
Owner.query(t, &Task.await/1)
Owner.query(t, &Task.yield(&1, 0))
Owner.query(t, &Task.ignore/1)
Owner.query(t, &Task.shutdown/1)
IO.inspect(Task.await(t))
