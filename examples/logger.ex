# From the article, "Sending a Message": a logger process that prints anything it receives.
# Made deterministic for beamlet's tests: one clause is added, {:flush, from}, so the
# script can wait until everything sent before it has been printed (otherwise the script
# could end before the logger prints).
logger = spawn(fn ->
  loop = fn loop_fun ->
    receive do
      {:flush, from} ->
        send(from, :flushed)
        loop_fun.(loop_fun)
      msg ->
        IO.puts("[LOG] #{inspect(msg)}")
        loop_fun.(loop_fun) # tail‑recursive loop
    end
  end
  loop.(loop)
end)

# Send a few log lines
send(logger, {:info, "System started"})
send(logger, {:error, "Failed to connect to DB"})
# A message can be any Elixir term
send(logger, %{event: :login, user: "ada"})
send(logger, [1, 2, 3])
send(logger, "plain text")

send(logger, {:flush, self()})
receive do
  :flushed -> IO.puts("logger flushed")
end
IO.inspect(Process.alive?(logger), label: "logger still running")
