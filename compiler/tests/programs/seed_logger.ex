# A simple logger process that prints anything it receives.
logger = spawn(fn ->
loop = fn loop_fun ->
receive do
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
