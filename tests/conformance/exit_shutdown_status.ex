# An uncaught exit({:shutdown, n}) with an integer n ends the script with status n
# and prints nothing on stderr; exit(:normal) / exit(:shutdown) would give status 0.
IO.puts("work done")
IO.puts("exiting with status 3")
exit({:shutdown, 3})
