# Time: building, microsecond precision, arithmetic wrapping midnight, diff units, truncation
defmodule Main do
  def try_it(fun) do
    IO.inspect(fun.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    IO.inspect([Time.new(0, 0, 0), Time.new(23, 59, 59, 999_999), Time.new(12, 0, 0, {5, 2}), Time.new(24, 0, 0), Time.new(23, 59, 60), Time.new(1, 1, 1, {1, 7})])
    try_it(fn -> Time.new!(12, 60, 0) end)
    try_it(fn -> Time.new(1.0, 0, 0) end)
    for t <- [~T[10:00:00], ~T[10:00:00.0], ~T[10:00:00.000], ~T[10:00:00.123456], ~T[10:00:00.5]] do
      IO.puts("#{inspect(t)} #{t} #{Time.to_iso8601(t, :basic)} #{inspect(t.microsecond)}")
    end
    IO.inspect(Time.add(~T[23:00:00], 3600))
    IO.inspect(Time.add(~T[00:00:00], -1))
    IO.inspect(Time.add(~T[00:00:00.000], -1, :millisecond))
    IO.inspect(Time.add(~T[10:00:00], 90, :minute))
    IO.inspect(Time.add(~T[10:00:00], 25, :hour))
    IO.inspect(Time.add(~T[10:00:00.1], 1_500_000, :microsecond))
    IO.inspect(Time.add(~T[10:00:00], 1, :millisecond).microsecond)
    try_it(fn -> Time.add(~T[10:00:00], 1, :day) end)
    try_it(fn -> Time.add(~T[10:00:00], 1.5) end)
    a = ~T[23:29:10.5]
    b = ~T[00:29:12]
    IO.inspect(Enum.map([:second, :millisecond, :microsecond, :minute, :hour, 10], &Time.diff(a, b, &1)))
    IO.inspect(Time.diff(b, a))
    IO.inspect({Time.compare(~T[10:00:00], ~T[10:00:00.000]), Time.compare(~T[10:00:00.1], ~T[10:00:00]), Time.compare(~N[2000-01-01 09:00:00], ~T[10:00:00])})
    IO.inspect(Enum.map([:microsecond, :millisecond, :second], &Time.truncate(~T[01:02:03.456789], &1)))
    IO.inspect(Time.truncate(~T[01:02:03.4], :millisecond))
    IO.inspect({Time.to_erl(~T[01:02:03.4]), Time.from_erl({1, 2, 3}), Time.from_erl({1, 2, 3}, 45), Time.from_erl({25, 0, 0})})
    try_it(fn -> Time.from_erl!({1, 2, 60}) end)
    IO.inspect({Time.from_seconds_after_midnight(3661), Time.from_seconds_after_midnight(-1, {10, 3}), Time.from_seconds_after_midnight(86_400 * 3 + 5)})
    IO.inspect({Time.to_seconds_after_midnight(~T[01:01:01.25]), Time.to_seconds_after_midnight(~N[2000-01-01 23:59:59])})
    IO.inspect({Time.from_iso8601("T10:20:30,5Z"), Time.from_iso8601("10:20"), Time.from_iso8601("24:00:00")})
    try_it(fn -> Time.from_iso8601!("10:61:00") end)
    IO.inspect(Time.convert!(~T[10:00:00], Calendar.ISO))
    IO.inspect(Time.utc_now() |> Map.keys())
    IO.inspect(elem(Time.utc_now().microsecond, 1))
    IO.inspect(%Time{hour: 1, minute: 2, second: 3})
  end
end

Main.run()
