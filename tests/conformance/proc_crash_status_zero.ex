# Uncaught errors in spawned processes do not change the script's exit status.
defmodule Crashy do
  def explode(msg), do: raise(msg)
end

IO.puts("spawning crashing processes")
spawn(fn -> raise "unhandled in child" end)
spawn(fn -> 1 / Enum.count([]) end)
spawn(Crashy, :explode, ["via spawn/3"])
spawn(fn -> exit(:child_exit) end)
spawn(fn -> throw(:child_throw) end)
Process.sleep(60)
IO.puts("main still running")
IO.inspect(Enum.sum(1..10), label: "work")
IO.puts("main ends normally")
