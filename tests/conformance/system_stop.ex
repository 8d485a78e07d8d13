# System.stop/1 and System.restart/0 are asynchronous, as in Elixir: the
# script goes on and ends with the status when it finishes; at_exit hooks do
# not run. A restart runs the script again from the start (counted here
# through an environment variable, which the OS process keeps).
run = String.to_integer(System.get_env("BEAMLET_CONF_RESTARTS", "0"))
IO.puts("run #{run}")
System.at_exit(fn status -> IO.puts("at_exit #{status}") end)

if run < 2 do
  System.put_env("BEAMLET_CONF_RESTARTS", Integer.to_string(run + 1))
  IO.inspect(System.restart(), label: "restart")
  IO.puts("still running #{run}")
else
  IO.inspect(System.stop(7), label: "stop")
  IO.puts("after stop")
end
