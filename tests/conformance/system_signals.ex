# System.trap_signal/2,3 and untrap_signal/2: ids, errors, the order trapped
# functions run in (newest first, in the signal server's process). (A
# function that fails is logged, and Elixir's Logger writes to stdout with
# a time: not tested here.)
me = self()
IO.inspect(System.untrap_signal(:sigusr2, :none))
{:ok, ref} = System.trap_signal(:sigusr2, fn -> send(me, :anonymous); :ok end)
IO.inspect(is_reference(ref))
IO.inspect(System.trap_signal(:sigusr2, :first, fn -> send(me, {:first, self() == me}); :ok end))
IO.inspect(System.trap_signal(:sigusr2, :first, fn -> :ok end))
IO.inspect(System.trap_signal(:sighup, :first, fn -> send(me, :hup); :ok end))
for s <- [:sigquit, :sigterm, :sigusr1, :sigabrt, :sigalrm, :sigchld, :sigstop, :sigtstp] do
  IO.inspect({s, System.trap_signal(s, {:loop, s}, fn -> :ok end), System.untrap_signal(s, {:loop, s})})
end

collect = fn ->
  Process.sleep(300)
  Stream.repeatedly(fn -> receive do m -> m after 0 -> nil end end)
  |> Enum.take_while(&(&1 != nil))
end

kill = fn sig -> :os.cmd(String.to_charlist("kill -#{sig} #{System.pid()}")) end
kill.("USR2")
IO.inspect(collect.())
kill.("USR2")
IO.inspect(collect.())
kill.("HUP")
IO.inspect(collect.())
IO.inspect(System.untrap_signal(:sigusr2, :first))
IO.inspect(System.untrap_signal(:sigusr2, :first))
IO.inspect(System.untrap_signal(:sigusr2, ref))
IO.inspect(System.untrap_signal(:sighup, :first))

for {fun, args} <- [{:trap_signal, [:sigint, fn -> :ok end]}, {:trap_signal, [:sigusr1, :id, fn _ -> :ok end]},
                    {:untrap_signal, [:sigkill, :id]}, {:trap_signal, ["sigusr1", fn -> :ok end]}] do
  try do
    apply(System, fun, args)
  rescue
    e in FunctionClauseError -> IO.inspect({fun, length(args), e.function, e.arity})
  end
end

# A trapped :sigquit still halts the system once its functions have run.
System.trap_signal(:sigquit, fn -> IO.puts("sigquit trapped"); :ok end)
kill.("QUIT")
Process.sleep(2000)
IO.puts("not reached")
