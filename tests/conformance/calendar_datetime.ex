# DateTime: Unix time, ISO 8601 with offsets, zones (UTC-only database), hand-built zoned values
defmodule Main do
  def try_it(fun) do
    IO.inspect(fun.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    IO.inspect([DateTime.from_unix(0), DateTime.from_unix(1_464_096_368), DateTime.from_unix(-1, :millisecond), DateTime.from_unix(1, 3)])
    IO.inspect({DateTime.from_unix(253_402_300_800), DateTime.from_unix(-377_705_116_800)})
    try_it(fn -> DateTime.from_unix!(253_402_300_800) end)
    try_it(fn -> DateTime.from_unix(1, :fortnight) end)
    u = ~U[2016-02-29 23:26:08.868569Z]
    IO.inspect({DateTime.to_unix(u), DateTime.to_unix(u, :millisecond), DateTime.to_unix(~U[1969-12-31 23:59:59.5Z])})
    IO.inspect({DateTime.to_naive(u), DateTime.to_date(u), DateTime.to_time(u)})
    IO.inspect({DateTime.to_iso8601(u), DateTime.to_iso8601(u, :basic), DateTime.to_iso8601(u, :extended, 3600), DateTime.to_iso8601(u, :basic, -5400)})
    IO.inspect(DateTime.from_iso8601("2015-01-23T23:50:07.123+02:30"))
    IO.inspect(DateTime.from_iso8601("2015-01-23T23:50:07-05:00"))
    IO.inspect(DateTime.from_iso8601("20150123T235007Z", :basic))
    IO.inspect([DateTime.from_iso8601("2015-01-23T23:50:07"), DateTime.from_iso8601("2015-01-23T23:50:07-00:00"), DateTime.from_iso8601("2015-02-29T23:50:07Z")])
    IO.inspect({DateTime.from_naive(~N[2016-05-24 13:26:08.003], "Etc/UTC"), DateTime.from_naive(~N[2016-05-24 13:26:08], "Europe/Paris")})
    try_it(fn -> DateTime.from_naive!(~N[2016-05-24 13:26:08], "America/New_York") end)
    IO.inspect({DateTime.shift_zone(u, "Etc/UTC"), DateTime.shift_zone(u, "Asia/Tokyo"), DateTime.now("Europe/Copenhagen")})
    try_it(fn -> DateTime.shift_zone!(u, "Asia/Tokyo") end)
    try_it(fn -> DateTime.now!("Europe/Copenhagen") end)
    IO.inspect({DateTime.new(~D[2016-05-24], ~T[13:26:08]), DateTime.new(~D[2016-05-24], ~T[13:26:08], "Europe/Paris")})
    try_it(fn -> DateTime.new!(~D[2016-05-24], ~T[13:26:08], "Europe/Paris") end)
    paris = %DateTime{year: 2000, month: 2, day: 29, hour: 23, minute: 0, second: 7, microsecond: {0, 0}, zone_abbr: "CET", utc_offset: 3600, std_offset: 0, time_zone: "Europe/Paris"}
    IO.inspect(paris)
    IO.puts("#{paris} | #{DateTime.to_iso8601(paris)} | #{DateTime.to_iso8601(paris, :extended, 0)}")
    IO.inspect({DateTime.to_unix(paris), DateTime.shift_zone(paris, "Etc/UTC"), DateTime.compare(paris, ~U[2000-02-29 22:00:07Z])})
    IO.inspect({DateTime.diff(paris, ~U[2000-02-29 22:00:00Z]), DateTime.to_gregorian_seconds(paris)})
    try_it(fn -> DateTime.add(paris, 1, :hour) end)
    IO.inspect(%{paris | utc_offset: 0, time_zone: "Etc/UTC"})
    for {amount, unit} <- [{1, :day}, {-1, :hour}, {90, :minute}, {1, :millisecond}, {-1, :second}] do
      IO.inspect(DateTime.add(u, amount, unit))
    end
    IO.inspect(Enum.map([:second, :millisecond, :minute, :hour, :day], &DateTime.diff(~U[2016-03-01 00:00:00Z], u, &1)))
    IO.inspect({DateTime.compare(u, ~U[2016-02-29 23:26:08Z]), DateTime.truncate(u, :millisecond), DateTime.truncate(u, :second)})
    IO.inspect({DateTime.from_gregorian_seconds(63_755_511_991, {5000, 3}), DateTime.to_gregorian_seconds(u)})
    IO.inspect(DateTime.convert!(u, Calendar.ISO))
    IO.inspect(Enum.sort([~U[2020-01-01 00:00:00Z], paris, ~U[1999-01-01 00:00:00Z]], DateTime))
    IO.inspect(DateTime.utc_now() |> Map.take([:time_zone, :zone_abbr, :utc_offset, :std_offset]))
    IO.inspect({Calendar.get_time_zone_database(), Calendar.UTCOnlyTimeZoneDatabase.time_zone_periods_from_wall_datetime(~N[2000-01-01 00:00:00], "Etc/UTC")})
  end
end

Main.run()
