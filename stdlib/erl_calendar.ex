# Erlang/OTP 25's `:calendar`, written in the language: the proleptic
# Gregorian calendar counted in days and seconds from year 0, ISO weeks,
# RFC 3339 text, and the conversions between local and universal time
# (beamlet reads no time zone: local time is UTC, as `:erlang.localtime/0`).
# Bad arguments fail as OTP's do: a `function_clause` in the function OTP
# would stop in, `:if_clause` where OTP's `if` has no branch.
defmodule :calendar do
  @moduledoc false

  @seconds_per_day 86_400
  @days_from_0_to_1970 719_528
  @seconds_from_0_to_1970 @days_from_0_to_1970 * @seconds_per_day
  @seconds_from_0_to_10000 2_932_897 * @seconds_per_day
  # Days before each month of a common year.
  @days_before_month {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

  @doc "Days from 0000-01-01 to the date `{year, month, day}`."
  def date_to_gregorian_days({year, month, day}), do: date_to_gregorian_days(year, month, day)

  @doc "Days from 0000-01-01 to `year-month-day`."
  def date_to_gregorian_days(year, month, day) when is_integer(day) and day > 0 do
    last = last_day_of_the_month(year, month)

    if day <= last,
      do: dy(year) + elem(@days_before_month, month - 1) + df(year, month) + day - 1,
      else: :erlang.error(:if_clause)
  end

  # Days in the years before `year`.
  defp dy(year) when year <= 0, do: 0

  defp dy(year) do
    x = year - 1
    div(x, 4) - div(x, 100) + div(x, 400) + x * 365 + 366
  end

  defp df(_year, month) when month < 3, do: 0
  defp df(year, _month), do: if(is_leap_year(year), do: 1, else: 0)

  @doc "Seconds from 0000-01-01 00:00:00 to `{date, time}`."
  def datetime_to_gregorian_seconds({date, time}) do
    date_to_gregorian_days(date) * @seconds_per_day + time_to_seconds(time)
  end

  @doc "The day of the week of `{year, month, day}`: 1 (Monday) to 7 (Sunday)."
  def day_of_the_week({year, month, day}), do: day_of_the_week(year, month, day)

  @doc "The day of the week of `year-month-day`: 1 (Monday) to 7 (Sunday)."
  def day_of_the_week(year, month, day) do
    rem(date_to_gregorian_days(year, month, day) + 5, 7) + 1
  end

  @doc "The date `days` days after 0000-01-01."
  def gregorian_days_to_date(days) do
    {year, day_of_year} = day_to_year(days)
    {month, day} = year_day_to_date(year, day_of_year)
    {year, month, day}
  end

  defp day_to_year(days) when is_integer(days) and days >= 0 do
    # A first guess from the mean year, corrected by at most a year.
    guess = div(days * 400, 146_097)
    year = fix_year(guess, days)
    {year, days - dy(year)}
  end

  defp fix_year(year, days) do
    cond do
      dy(year) > days -> fix_year(year - 1, days)
      dy(year + 1) <= days -> fix_year(year + 1, days)
      true -> year
    end
  end

  defp year_day_to_date(year, day_of_year) do
    extra = if is_leap_year(year), do: 1, else: 0
    month = month_of(day_of_year, extra, 12)
    day = day_of_year - elem(@days_before_month, month - 1) - if(month > 2, do: extra, else: 0)
    {month, day + 1}
  end

  defp month_of(day_of_year, extra, month) do
    start = elem(@days_before_month, month - 1) + if(month > 2, do: extra, else: 0)
    if day_of_year >= start, do: month, else: month_of(day_of_year, extra, month - 1)
  end

  @doc "The date and time `seconds` seconds after 0000-01-01 00:00:00."
  def gregorian_seconds_to_datetime(seconds) when is_integer(seconds) and seconds >= 0 do
    days = div(seconds, @seconds_per_day)
    {gregorian_days_to_date(days), seconds_to_time(rem(seconds, @seconds_per_day))}
  end

  @doc "Whether `year` is a leap year."
  def is_leap_year(year) when is_integer(year) and year >= 0, do: is_leap_year1(year)

  defp is_leap_year1(year) when rem(year, 4) == 0 and rem(year, 100) > 0, do: true
  defp is_leap_year1(year) when rem(year, 400) == 0, do: true
  defp is_leap_year1(_year), do: false

  @doc "The ISO week `{year, week}` of today (local time)."
  def iso_week_number, do: iso_week_number(:erlang.date())

  @doc "The ISO week `{year, week}` of a date."
  def iso_week_number({year, _month, _day} = date) do
    d = date_to_gregorian_days(date)
    w01_1_year = gregorian_days_of_iso_w01_1(year)
    w01_1_next = gregorian_days_of_iso_w01_1(year + 1)

    cond do
      w01_1_year <= d and d < w01_1_next ->
        {year, div(d - w01_1_year, 7) + 1}

      d < w01_1_year ->
        weeks =
          if day_of_the_week(year - 1, 1, 1) == 4 or day_of_the_week(year - 1, 12, 31) == 4,
            do: 53,
            else: 52

        {year - 1, weeks}

      true ->
        {year + 1, 1}
    end
  end

  # The day the first ISO week of `year` starts (its Monday).
  defp gregorian_days_of_iso_w01_1(year) do
    d0101 = date_to_gregorian_days(year, 1, 1)
    dow = day_of_the_week(year, 1, 1)
    if dow <= 4, do: d0101 - dow + 1, else: d0101 + 7 - dow + 1
  end

  @doc "The number of days in `month` of `year`."
  def last_day_of_the_month(year, month) when is_integer(year) and year >= 0 do
    last_day_of_the_month1(year, month)
  end

  defp last_day_of_the_month1(_, 4), do: 30
  defp last_day_of_the_month1(_, 6), do: 30
  defp last_day_of_the_month1(_, 9), do: 30
  defp last_day_of_the_month1(_, 11), do: 30
  defp last_day_of_the_month1(year, 2), do: if(is_leap_year(year), do: 29, else: 28)

  defp last_day_of_the_month1(_, month) when is_integer(month) and month > 0 and month < 13,
    do: 31

  @doc "The local date and time."
  def local_time, do: :erlang.localtime()

  @doc "The universal date and time of a local one (deprecated in OTP)."
  def local_time_to_universal_time(datetime), do: local_to_universal(datetime)

  @doc "The universal date and time of a local one, in or out of daylight saving time."
  def local_time_to_universal_time(datetime, is_dst)
      when is_dst in [true, false, :undefined],
      do: local_to_universal(datetime)

  @doc "The universal times a local time may stand for: `[]` when it never happens, two during a repeated hour."
  def local_time_to_universal_time_dst(datetime), do: [local_to_universal(datetime)]

  # Local time is UTC here: checks the date and time as OTP does.
  defp local_to_universal({{y, mo, d}, {h, mi, s}} = datetime)
       when is_integer(y) and is_integer(mo) and is_integer(d) and is_integer(h) and
              is_integer(mi) and is_integer(s) do
    if valid_date(y, mo, d) and h in 0..23 and mi in 0..59 and s in 0..59,
      do: datetime,
      else: :erlang.error(:badarg, [datetime])
  end

  defp local_to_universal(datetime), do: :erlang.error(:badarg, [datetime])

  @doc "The universal date and time of an `:erlang.timestamp()` (`now_to_universal_time/1`)."
  def now_to_datetime(now), do: now_to_universal_time(now)

  @doc "The universal date and time of an `:erlang.timestamp()`."
  def now_to_universal_time({mega, sec, _micro}) do
    gregorian_seconds_to_datetime(mega * 1_000_000 + sec + @seconds_from_0_to_1970)
  end

  @doc "The local date and time of an `:erlang.timestamp()`."
  def now_to_local_time(now), do: universal_time_to_local_time(now_to_universal_time(now))

  @doc "`{days, {hours, minutes, seconds}}` of a number of seconds."
  def seconds_to_daystime(seconds) do
    days = div(seconds, @seconds_per_day)
    rest = rem(seconds, @seconds_per_day)

    if rest < 0,
      do: {days - 1, seconds_to_time(rest + @seconds_per_day)},
      else: {days, seconds_to_time(rest)}
  end

  @doc "`{hours, minutes, seconds}` of a number of seconds under a day."
  def seconds_to_time(seconds)
      when is_integer(seconds) and seconds >= 0 and seconds < @seconds_per_day do
    {div(seconds, 3600), div(rem(seconds, 3600), 60), rem(seconds, 60)}
  end

  @doc "The local date and time of an OS system time in `unit`."
  def system_time_to_local_time(time, unit) do
    universal_time_to_local_time(system_time_to_universal_time(time, unit))
  end

  @doc "The universal date and time of an OS system time in `unit`."
  def system_time_to_universal_time(time, unit) do
    seconds = :erlang.convert_time_unit(time, unit, :second)
    gregorian_seconds_to_datetime(seconds + @seconds_from_0_to_1970)
  end

  @doc "`{days, time}` from one date and time to another (obsolete in OTP)."
  def time_difference({{_, _, _}, {_, _, _}} = t1, {{_, _, _}, {_, _, _}} = t2) do
    seconds_to_daystime(datetime_to_gregorian_seconds(t2) - datetime_to_gregorian_seconds(t1))
  end

  @doc "Seconds since midnight of `{hours, minutes, seconds}`."
  def time_to_seconds({h, m, s}) when is_integer(h) and is_integer(m) and is_integer(s) do
    h * 3600 + m * 60 + s
  end

  @doc "The universal date and time."
  def universal_time, do: :erlang.universaltime()

  @doc "The local date and time of a universal one."
  def universal_time_to_local_time({{_, _, _} = date, {_, _, _} = time} = datetime) do
    case local_to_universal(datetime) do
      _ -> {date, time}
    end
  end

  @doc "Whether `{year, month, day}` is a date."
  def valid_date({year, month, day}), do: valid_date(year, month, day)

  @doc "Whether `year-month-day` is a date."
  def valid_date(year, month, day) when is_integer(year) and is_integer(month) and is_integer(day) do
    if year >= 0 and month > 0 and month < 13 and day > 0,
      do: day <= last_day_of_the_month(year, month),
      else: false
  end

  @doc "The RFC 3339 text (a charlist) of a system time in seconds."
  def system_time_to_rfc3339(time), do: system_time_to_rfc3339(time, [])

  @doc "The RFC 3339 text of a system time; options `unit:`, `offset:` (text or an integer in `unit`), `time_designator:`."
  def system_time_to_rfc3339(time, options) when is_integer(time) do
    unit = get_value(:unit, options, :second)
    offset_option = get_value(:offset, options, '')
    designator = get_value(:time_designator, options, ?T)
    adjustment_secs = offset_adjustment(unit, offset_option)
    offset = offset_text(offset_option, adjustment_secs)
    adjusted = time + :erlang.convert_time_unit(adjustment_secs, :second, unit)
    factor = factor(unit)
    secs = div(adjusted, factor)
    check(time, options, secs)
    {{year, month, day}, {hour, min, sec}} = gregorian_seconds_to_datetime(secs + @seconds_from_0_to_1970)

    :lists.append([
      pad(4, year),
      '-',
      pad(2, month),
      '-',
      pad(2, day),
      [designator],
      pad(2, hour),
      ':',
      pad(2, min),
      ':',
      pad(2, sec),
      fraction_text(factor, adjusted),
      offset
    ])
  end

  # `:proplists.get_value/3`: the first `{key, value}` (a bare `key` is `true`).
  defp get_value(key, [{key, value} | _], _default), do: value
  defp get_value(key, [key | _], _default), do: true
  defp get_value(key, [_ | rest], default), do: get_value(key, rest, default)
  defp get_value(_key, [], default), do: default

  defp offset_adjustment(_unit, ''), do: 0
  defp offset_adjustment(_unit, offset) when is_list(offset), do: offset_string_adjustment(offset)
  defp offset_adjustment(unit, offset) when is_integer(offset), do: :erlang.convert_time_unit(offset, unit, :second)

  defp offset_string_adjustment('Z'), do: 0
  defp offset_string_adjustment('z'), do: 0

  defp offset_string_adjustment(tz) do
    [sign, h1, h2, ?:, m1, m2] = tz
    adjustment = 3600 * List.to_integer([h1, h2]) + 60 * List.to_integer([m1, m2])

    case sign do
      ?- -> -adjustment
      ?+ -> adjustment
    end
  end

  defp offset_text(option, secs) when option == '' or is_integer(option) do
    sign = if secs < 0, do: ?-, else: ?+
    secs = abs(secs)
    [sign | pad(2, div(secs, 3600)) ++ ':' ++ pad(2, div(rem(secs, 3600), 60))]
  end

  defp offset_text(option, _secs), do: option

  defp factor(:second), do: 1
  defp factor(:millisecond), do: 1000
  defp factor(:microsecond), do: 1_000_000
  defp factor(:nanosecond), do: 1_000_000_000
  defp factor(:native), do: :erlang.convert_time_unit(1, :second, :native)

  defp fraction_text(1, _time), do: ''

  defp fraction_text(factor, time) do
    digits = Integer.to_charlist(abs(rem(time, factor)))
    width = length(Integer.to_charlist(factor)) - 1
    [?. | List.duplicate(?0, width - length(digits)) ++ digits]
  end

  defp pad(width, n) do
    digits = Integer.to_charlist(n)
    List.duplicate(?0, max(width - length(digits), 0)) ++ digits
  end

  defp check(_time, _options, secs)
       when secs >= -@seconds_from_0_to_1970 and secs < @seconds_from_0_to_10000 - @seconds_from_0_to_1970,
       do: :ok

  defp check(time, options, _secs), do: :erlang.error({:badarg, [time, options]})

  @doc "The system time (seconds) of RFC 3339 text."
  def rfc3339_to_system_time(text), do: rfc3339_to_system_time(text, [])

  @doc "The system time in `unit:` (default seconds) of RFC 3339 text."
  def rfc3339_to_system_time(text, options) do
    unit = get_value(:unit, options, :second)

    [y1, y2, y3, y4, ?-, mon1, mon2, ?-, d1, d2, _t, h1, h2, ?:, min1, min2, ?:, s1, s2 | rest] =
      text

    datetime =
      {{List.to_integer([y1, y2, y3, y4]), List.to_integer([mon1, mon2]),
        List.to_integer([d1, d2])},
       {List.to_integer([h1, h2]), List.to_integer([min1, min2]), List.to_integer([s1, s2])}}

    {fraction, utc_offset} = Enum.split_while(rest, &(&1 in ?0..?9 or &1 == ?.))
    time = datetime_to_gregorian_seconds(datetime) - @seconds_from_0_to_1970
    secs = time - offset_string_adjustment(utc_offset)
    check(text, options, secs)
    scaled = :erlang.convert_time_unit(secs, :second, unit)
    frac = fraction(unit, fraction)
    if scaled < 0, do: scaled - frac, else: scaled + frac
  end

  defp fraction(:second, _), do: 0
  defp fraction(_unit, ''), do: 0
  defp fraction(unit, [?. | _] = text), do: round(factor(unit) * List.to_float([?0 | text]))
end
