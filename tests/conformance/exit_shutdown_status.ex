# An uncaught exit({:shutdown, n}) with an integer n ends the script with status n
# and prints nothing on stderr; exit(:normal) / exit(:shutdown) would give status 0.
results = for n <- 1..3, do: n * n
IO.inspect(results, label: "results")
IO.puts("work done")
try do
  exit({:shutdown, 1})
catch
  :exit, reason -> IO.inspect(reason, label: "caught")
end
IO.puts("exiting with status 3")
exit({:shutdown, 3})
