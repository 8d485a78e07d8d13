# Calendar.strftime/3: every directive, padding and width, options, and its errors
defmodule Main do
  def show(value, format, opts \\ []) do
    IO.puts(format <> " => " <> inspect(Calendar.strftime(value, format, opts)))
  rescue
    e -> IO.puts(format <> " => #{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    dt = ~U[2019-08-26 13:52:06.0123Z]
    show(dt, "%a %A %b %B %c")
    show(dt, "%d %f %H %I %j %m %M %p %P %q %S %u %x %X %y %Y %z %Z %%")
    show(~N[2019-01-06 00:05:09], "%-d|%_d|%5d|%-5d|%_5d|%05d|%-I %p|%u|%j|%3q")
    show(~N[2019-08-26 12:00:00.123456], "%f %1f %010f %I%P")
    show(~N[2019-08-26 12:00:00], "%f [%z] [%Z]")
    show(~D[0005-08-26], "%Y|%y|%-Y|%_Y|%2Y|%1Y|%-m/%-d")
    show(~D[-0019-08-26], "%Y|%y|%5Y")
    show(~D[2019-08-26], "%10A|%-10A|%010A|%_10b|%%5 %5%")
    show(%{dt | utc_offset: -12600, std_offset: 3600, zone_abbr: "X", time_zone: "Y"}, "%z %10z %-z %_8Z")
    show(~T[13:00:00], "%X -> %I%p", preferred_time: "%H.%M")
    show(dt, "%c", preferred_datetime: "%x at %X", preferred_date: "%d/%m/%Y")
    show(dt, "%B %b %A %a %p", month_names: fn m -> "M#{m}" end, abbreviated_month_names: fn m -> "m#{m}" end, day_of_week_names: fn d -> "D#{d}" end, abbreviated_day_of_week_names: fn d -> "d#{d}" end, am_pm_names: fn :am -> "vorm"; :pm -> "nachm" end)
    show(~D[2019-08-26], "日本 %d 年")
    show(%{year: 2019, month: 1, day: 2}, "%d.%m.%Y")
    show(%{hour: 1, minute: 2, second: 3, microsecond: {4, 6}}, "%H:%M:%S.%f %p")
    show(~D[2019-08-26], "%H")
    show(~T[12:00:00], "%Y")
    show(~D[2019-08-26], "%Q")
    show(~D[2019-08-26], "abc %")
    show(~D[2019-08-26], "%-_d")
    show(~D[2019-08-26], "%05")
    show(~D[2019-08-26], "%x", preferred_date: "%x")
    show(~D[2019-08-26], "%d", foo: 1)
    show(~D[2019-08-26], "%B", month_names: fn _ -> :not_a_string end)
  end
end

Main.run()
