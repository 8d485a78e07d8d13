# System: the version, time units, environment variables, argv, at_exit.
show = fn label, value -> IO.puts("#{label}: #{inspect(value)}") end

show.("version", System.version())
show.("otp_release is a string", is_binary(System.otp_release()))
show.("schedulers_online", is_integer(System.schedulers_online()) and System.schedulers_online() > 0)
show.("pid", is_integer(String.to_integer(System.pid())))
show.("argv", System.argv())
show.("tmp_dir", is_binary(System.tmp_dir()) and File.dir?(System.tmp_dir!()))

show.("convert s->ms", System.convert_time_unit(3, :second, :millisecond))
show.("convert ms->s", System.convert_time_unit(2999, :millisecond, :second))
show.("convert -1 ms->s", System.convert_time_unit(-1, :millisecond, :second))
show.("convert us->ns", System.convert_time_unit(5, :microsecond, :nanosecond))
show.("convert ns->native", System.convert_time_unit(1_000_000_000, :nanosecond, :native) > 0)
show.("convert native->s", System.convert_time_unit(System.convert_time_unit(2, :second, :native), :native, :second))
show.("convert integer unit", System.convert_time_unit(1, :second, 1000))

t1 = System.monotonic_time()
t2 = System.monotonic_time()
show.("monotonic", is_integer(t1) and t2 >= t1)
m1 = System.monotonic_time(:millisecond)
Process.sleep(20)
m2 = System.monotonic_time(:millisecond)
show.("monotonic ms after sleep", m2 - m1 >= 20)
show.("system_time s", System.system_time(:second) > 1_600_000_000)
show.("os_time ms", abs(System.os_time(:millisecond) - System.system_time(:millisecond)) < 5000)
show.("system_time native", is_integer(System.system_time()))
u1 = System.unique_integer()
u2 = System.unique_integer()
show.("unique_integer", u1 != u2)
p1 = System.unique_integer([:positive, :monotonic])
p2 = System.unique_integer([:positive, :monotonic])
show.("unique positive monotonic", p1 > 0 and p2 > p1)

System.put_env("BEAMLET_RT_VAR", "value 1")
show.("get_env", System.get_env("BEAMLET_RT_VAR"))
show.("get_env map", Map.get(System.get_env(), "BEAMLET_RT_VAR"))
show.("fetch_env", System.fetch_env("BEAMLET_RT_VAR"))
show.("fetch_env!", System.fetch_env!("BEAMLET_RT_VAR"))
System.put_env(%{"BEAMLET_RT_A" => "a", "BEAMLET_RT_B" => "b"})
show.("put_env/1", {System.get_env("BEAMLET_RT_A"), System.get_env("BEAMLET_RT_B")})
System.delete_env("BEAMLET_RT_VAR")
show.("deleted", System.get_env("BEAMLET_RT_VAR"))
show.("get_env default", System.get_env("BEAMLET_RT_VAR", "dflt"))
show.("fetch_env missing", System.fetch_env("BEAMLET_RT_VAR"))

for fun <- [
      fn -> System.fetch_env!("BEAMLET_RT_VAR") end,
      fn -> System.put_env("A=B", "x") end,
      fn -> System.convert_time_unit(1, :second, :parsec) end,
      fn -> System.monotonic_time(:weeks) end
    ] do
  try do
    fun.()
  rescue
    e -> IO.puts(Exception.format_banner(:error, e))
  end
end

System.at_exit(fn status -> IO.puts("first registered, runs last: #{status}") end)

System.at_exit(fn status ->
  IO.puts("second registered, runs first: #{status}")
  System.at_exit(fn _ -> IO.puts("registered by a hook") end)
end)

IO.puts("end of script")
