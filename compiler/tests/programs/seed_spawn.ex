# Simulate a long‑running operation that converts a temperature reading
convert = fn raw_value ->
:timer.sleep(1500) # pretend we talk to hardware
raw_value * 1.8 + 32 # Celsius → Fahrenheit
end
# Fire off the conversion in its own process
pid = spawn(fn -> IO.puts("Result: #{convert.(25)}") end)
IO.inspect(pid) # => #PID<0.123.0>
