# From the article, "Spawning a Process": convert a temperature reading in its own process.
# Made deterministic for beamlet's tests: the sleep is 50 ms instead of 1500 ms, the pid
# is not printed (it differs between runs; the article shows #PID<0.123.0>), and the script
# waits for the child to finish instead of ending before it prints.
defmodule Wait do
  def for_exit(pid) do
    ref = Process.monitor(pid)
    receive do
      {:DOWN, ^ref, :process, ^pid, reason} -> reason
    end
  end
end

# Simulate a long‑running operation that converts a temperature reading
convert = fn raw_value ->
  :timer.sleep(50) # pretend we talk to hardware
  raw_value * 1.8 + 32 # Celsius → Fahrenheit
end

# Fire off the conversion in its own process
pid = spawn(fn -> IO.puts("Result: #{convert.(25)}") end)
IO.inspect(is_pid(pid)) # the article prints the pid itself: #PID<0.123.0>
IO.puts("The caller keeps working while the conversion runs")
IO.inspect(Wait.for_exit(pid), label: "conversion process ended")

# More readings, one process each, waited for one after the other
for celsius <- [0, 100, -40, 37] do
  p = spawn(fn -> IO.puts("#{celsius} °C = #{convert.(celsius)} °F") end)
  Wait.for_exit(p)
end
