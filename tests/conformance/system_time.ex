# System's clocks and time units (only relations are printed, never times).
t1 = System.monotonic_time()
t2 = System.monotonic_time()
IO.inspect(t2 >= t1)
IO.inspect(is_integer(System.system_time(:second)))
IO.inspect(System.system_time(:second) > 1_600_000_000)
IO.inspect(abs(System.os_time(:second) - System.system_time(:second)) <= 1)
IO.inspect(System.monotonic_time(:millisecond) <= System.monotonic_time(:microsecond) or true)
IO.inspect(System.time_offset() + System.monotonic_time() <= System.system_time() + 1_000_000_000)

for {t, from, to} <- [
      {1, :second, :millisecond},
      {1500, :millisecond, :second},
      {-1500, :millisecond, :second},
      {1, :second, :native},
      {3, :microsecond, :nanosecond},
      {10, 1000, :second},
      {7, :second, 3}
    ] do
  IO.inspect(System.convert_time_unit(t, from, to))
end

try do
  System.convert_time_unit(1, :hour, :second)
rescue
  e -> IO.puts(Exception.message(e))
end

try do
  System.monotonic_time(:days)
rescue
  e -> IO.puts(Exception.message(e))
end

a = System.unique_integer()
b = System.unique_integer()
IO.inspect(a != b)
p = System.unique_integer([:positive, :monotonic])
q = System.unique_integer([:positive, :monotonic])
IO.inspect(p > 0 and q > p)
System.at_exit(fn status -> IO.puts("at_exit one #{status}") end)
System.at_exit(fn status -> IO.puts("at_exit two #{status}") end)
IO.puts("main done")
