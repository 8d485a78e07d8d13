# OTP 25's :calendar: RFC 3339 text both ways, and the errors of bad arguments.
c = :calendar
IO.inspect c.valid_date(2024, 1, 1)
IO.inspect c.system_time_to_rfc3339(1_700_000_000)
IO.inspect c.system_time_to_rfc3339(1_700_000_000_123, unit: :millisecond)
IO.inspect c.system_time_to_rfc3339(1_700_000_000_000_042, unit: :microsecond, offset: 'Z')
IO.inspect c.system_time_to_rfc3339(1_700_000_000, offset: '+02:30', time_designator: ?\s)
IO.inspect c.system_time_to_rfc3339(1_700_000_000, offset: '-05:00')
IO.inspect c.system_time_to_rfc3339(1_700_000_000, offset: 3600)
IO.inspect c.system_time_to_rfc3339(1_700_000_000, offset: -5400)
IO.inspect c.system_time_to_rfc3339(-1_500, unit: :millisecond)
IO.inspect c.system_time_to_rfc3339(0, unit: :nanosecond)
IO.inspect c.rfc3339_to_system_time('2018-02-01T16:17:58+01:00')
IO.inspect c.rfc3339_to_system_time('2018-02-01 15:17:58.123Z', unit: :millisecond)
IO.inspect c.rfc3339_to_system_time('2018-02-01T15:17:58.5Z', unit: :microsecond)
IO.inspect c.rfc3339_to_system_time('1969-12-31T23:59:58.5Z', unit: :millisecond)
IO.inspect c.rfc3339_to_system_time('2018-02-01T15:17:58.123456789-00:30', unit: :nanosecond)
for f <- [fn -> c.date_to_gregorian_days(2023, 2, 29) end, fn -> c.date_to_gregorian_days(2023, 13, 1) end,
  fn -> c.date_to_gregorian_days(2023, 1, 0) end, fn -> c.gregorian_days_to_date(-1) end,
  fn -> c.is_leap_year(-4) end, fn -> c.seconds_to_time(86400) end, fn -> c.valid_date(1, 2, :a) end,
  fn -> c.last_day_of_the_month(2020, 0) end, fn -> c.system_time_to_rfc3339(300_000_000_000) end,
  fn -> c.rfc3339_to_system_time('2018-02-01') end, fn -> c.time_to_seconds({1, 2}) end,
  fn -> c.gregorian_seconds_to_datetime(-5) end, fn -> c.day_of_the_week(2020, 2, 30) end] do
  try do IO.inspect f.() rescue e -> IO.puts(Exception.format_banner(:error, e)) end
end
