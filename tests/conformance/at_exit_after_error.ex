# System.at_exit hooks also run when the script dies with an uncaught
# exit: they get its status ({:shutdown, n} gives n), newest first.
defmodule Cleanup do
  def register(name) do
    System.at_exit(fn status -> IO.puts("#{name} sees status #{status}") end)
  end
end

Cleanup.register("first")
Cleanup.register("second")
System.at_exit(fn status -> IO.puts("closing files (#{inspect(status)})") end)
IO.puts("working")
Enum.each(1..3, fn i -> IO.puts("step #{i}") end)
exit({:shutdown, 3})
IO.puts("never printed")
