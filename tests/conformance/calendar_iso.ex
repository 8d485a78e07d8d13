# Calendar.ISO and Calendar: parsing ISO 8601 (both formats, with errors), formatting, ISO days
defmodule Main do
  def try_it(fun) do
    IO.inspect(fun.())
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    for s <- ["2015-01-23", "+2015-01-23", "-2015-01-23", "20150123", "2015-02-29", "2016-02-29", "2015-1-23", "12015-01-23", "2015-01-23Z", "2015-00-10"] do
      IO.puts("#{s}: #{inspect(Calendar.ISO.parse_date(s))} #{inspect(Calendar.ISO.parse_date(s, :basic))}")
    end
    for s <- ["23:50:07", "23:50:07Z", "T23:50:07.0123456", "23:50:07,12+01:00", "23:50:07+0100", "23:50:07+01", "23:50:07-00:00", "23:50:07.", "24:00:00", "23:59:60", "235007.5", "23:50"] do
      IO.puts("#{s}: #{inspect(Calendar.ISO.parse_time(s))} #{inspect(Calendar.ISO.parse_time(s, :basic))}")
    end
    for s <- ["2015-01-23 23:50:07", "2015-01-23T23:50:07.123+02:30", "2015-01-23t23:50:07", "2015-13-23T23:50:07", "20150123T235007Z"] do
      IO.puts("#{s}: #{inspect(Calendar.ISO.parse_naive_datetime(s))} #{inspect(Calendar.ISO.parse_naive_datetime(s, :basic))}")
    end
    for s <- ["2015-01-23T23:50:07Z", "2015-01-23T23:50:07-01:30", "2015-01-23T23:50:07+23:59", "2015-01-23T23:50:07+24:00", "2015-01-23T23:50:07", "0000-01-01T00:00:00+01:00", "20150123T235007+0100"] do
      IO.puts("#{s}: #{inspect(Calendar.ISO.parse_utc_datetime(s))} #{inspect(Calendar.ISO.parse_utc_datetime(s, :basic))}")
    end
    try_it(fn -> Calendar.ISO.parse_date("2015-01-23", :compact) end)
    IO.inspect({Calendar.ISO.date_to_string(-99, 1, 31), Calendar.ISO.date_to_string(2017, 8, 1, :basic), Calendar.ISO.date_to_string(12345, 1, 1)})
    IO.inspect({Calendar.ISO.time_to_string(2, 2, 2, {2, 6}), Calendar.ISO.time_to_string(2, 2, 2, {123_456, 3}, :basic), Calendar.ISO.time_to_string(2, 2, 2, {2, 0})})
    IO.inspect(Calendar.ISO.naive_datetime_to_string(2015, 2, 28, 1, 2, 3, {4, 6}, :basic))
    IO.inspect(Calendar.ISO.datetime_to_string(2017, 8, 1, 1, 2, 3, {4, 5}, "Europe/Berlin", "CEST", 3600, 3600))
    IO.inspect(Calendar.ISO.datetime_to_string(2017, 8, 1, 1, 2, 3, {4, 5}, "Etc/UTC", "UTC", 0, 0, :basic))
    IO.inspect({Calendar.ISO.offset_to_string(-3661, 0, "X", :basic), Calendar.ISO.offset_to_string(0, 0, "Etc/UTC", :extended)})
    IO.inspect({Calendar.ISO.date_to_iso_days(1970, 1, 1), Calendar.ISO.date_from_iso_days(738_000), Calendar.ISO.day_of_week(2016, 10, 31, :sunday)})
    try_it(fn -> Calendar.ISO.date_to_iso_days(2020, 2, 30) end)
    IO.inspect({Calendar.ISO.naive_datetime_to_iso_days(2000, 1, 1, 12, 0, 0, {0, 6}), Calendar.ISO.naive_datetime_from_iso_days({730_485, {1, 3}})})
    IO.inspect({Calendar.ISO.time_to_day_fraction(12, 0, 0, {0, 6}), Calendar.ISO.time_from_day_fraction({2, 3})})
    IO.inspect({Calendar.ISO.add_day_fraction_to_iso_days({0, {1, 86400}}, -2, 86400), Calendar.ISO.iso_days_to_unit({1, {1, 2}}, :millisecond)})
    IO.inspect({Calendar.ISO.gregorian_seconds_to_iso_days(-1, 5), Calendar.ISO.from_unix(-1, :microsecond), Calendar.ISO.from_unix(253_402_300_800, :second)})
    IO.inspect({Calendar.ISO.leap_year?(1900), Calendar.ISO.leap_year?(2000), Calendar.ISO.leap_year?(-4), Calendar.ISO.days_in_month(2100, 2)})
    IO.inspect({Calendar.ISO.valid_date?(10_000, 1, 1), Calendar.ISO.valid_time?(23, 59, 59, {999_999, 6}), Calendar.ISO.valid_time?(1, 1, 1, {1, 7})})
    IO.inspect({Calendar.ISO.year_of_era(-1), Calendar.ISO.day_of_era(0, 12, 31), Calendar.ISO.quarter_of_year(2016, 10, 31), Calendar.ISO.day_of_year(2016, 12, 31)})
    IO.inspect({Calendar.ISO.months_in_year(1), Calendar.ISO.day_rollover_relative_to_midnight_utc(), Calendar.ISO.iso_days_to_day_of_week(0, :monday)})
    IO.inspect({Calendar.truncate({123_456, 6}, :millisecond), Calendar.truncate({123_456, 2}, :millisecond), Calendar.truncate({123_456, 6}, :second)})
    IO.inspect({Calendar.compatible_calendars?(Calendar.ISO, Calendar.ISO), Calendar.get_time_zone_database()})
    try_it(fn -> Calendar.ISO.days_in_month(2000, 13) end)
  end
end

Main.run()
