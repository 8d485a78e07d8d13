# No tests at all.
ExUnit.start(seed: 0)
IO.puts("no tests here")
