defmodule Calendar.ISO do
  @moduledoc """
  The proleptic Gregorian calendar of ISO 8601, the calendar of `Date`,
  `Time`, `NaiveDateTime` and `DateTime` unless they are given another.

  Days are counted as "ISO days": day 0 is 0000-01-01 (year 0 exists and
  is a leap year); a time of day is a fraction `{parts, parts_per_day}`,
  in microseconds here (`{0, 86_400_000_000}` is midnight). Years go from
  -9999 to 9999. The parsers take ISO 8601's extended (`2015-01-23`) and
  basic (`20150123`) formats.
  """

  @parts_per_day 86_400_000_000
  @seconds_per_day 86_400
  # Seconds from 0000-01-01 to 1970-01-01.
  @unix_epoch 62_167_219_200
  # The first and the last second of years -9999 and 9999, in Unix time.
  @unix_min -377_705_116_800
  @unix_max 253_402_300_799

  ## The calendar's shape

  @doc "How many months `year` has: always 12."
  def months_in_year(year) when is_integer(year), do: 12

  @doc "Whether `year` is a leap year (every 4th, but not every 100th unless every 400th)."
  def leap_year?(year) when is_integer(year) do
    rem(year, 4) == 0 and (rem(year, 100) != 0 or rem(year, 400) == 0)
  end

  @doc "How many days `month` of `year` has."
  def days_in_month(year, month)
      when is_integer(year) and year >= -9999 and year <= 9999 and is_integer(month) and
             month >= 1 and month <= 12 do
    cond do
      month == 2 -> if leap_year?(year), do: 29, else: 28
      month in [4, 6, 9, 11] -> 30
      true -> 31
    end
  end

  @doc "Whether `year`-`month`-`day` is a date of the calendar."
  def valid_date?(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    year >= -9999 and year <= 9999 and month >= 1 and month <= 12 and day >= 1 and
      day <= days_in_month(year, month)
  end

  @doc "Whether the time is valid (no leap seconds; precision 0 to 6)."
  def valid_time?(hour, minute, second, {microsecond, precision})
      when is_integer(hour) and is_integer(minute) and is_integer(second) and
             is_integer(microsecond) and is_integer(precision) do
    hour >= 0 and hour <= 23 and minute >= 0 and minute <= 59 and second >= 0 and second <= 59 and
      microsecond >= 0 and microsecond <= 999_999 and precision >= 0 and precision <= 6
  end

  @doc "When a day starts relative to midnight UTC: at midnight, `{0, 1}`."
  def day_rollover_relative_to_midnight_utc(), do: {0, 1}

  ## Days of the week, the year, the era

  @doc false
  def day_of_week(year, month, day) do
    {dow, 1, 7} = day_of_week(year, month, day, :default)
    dow
  end

  @doc """
  The day of the week as `{day, 1, 7}`, counting from `starting_on`
  (`:default` and `:monday` count from Monday, or any other weekday).
  """
  def day_of_week(year, month, day, starting_on)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    {iso_days_to_day_of_week(date_to_iso_days(year, month, day), starting_on), 1, 7}
  end

  @doc "The day of the week (1 to 7) of ISO day `iso_days`, counting from `starting_on`."
  def iso_days_to_day_of_week(iso_days, starting_on) when is_integer(iso_days) do
    # Day 0 (0000-01-01) was a Saturday: the 6th day counting from Monday.
    Integer.mod(iso_days + 5 - day_of_week_offset(starting_on), 7) + 1
  end

  defp day_of_week_offset(:default), do: 0
  defp day_of_week_offset(:monday), do: 0
  defp day_of_week_offset(:tuesday), do: 1
  defp day_of_week_offset(:wednesday), do: 2
  defp day_of_week_offset(:thursday), do: 3
  defp day_of_week_offset(:friday), do: 4
  defp day_of_week_offset(:saturday), do: 5
  defp day_of_week_offset(:sunday), do: 6

  @doc "The day of the year, from 1."
  def day_of_year(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    date_to_iso_days(year, month, day) - date_to_iso_days(year, 1, 1) + 1
  end

  @doc "The quarter (1 to 4) of the date."
  def quarter_of_year(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    div(month - 1, 3) + 1
  end

  @doc "`{year, era}`: years from 1 are of era 1 (CE); year 0 is year 1 of era 0 (BCE), -1 its year 2..."
  def year_of_era(year) when is_integer(year) and year > 0, do: {year, 1}
  def year_of_era(year) when is_integer(year), do: {1 - year, 0}

  @doc "As `year_of_era/1`, for a date."
  def year_of_era(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    year_of_era(year)
  end

  @doc "`{day, era}`: the day counted from the era's start (0001-01-01 forwards, 0000-12-31 backwards)."
  def day_of_era(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) and year > 0 do
    # Year 0 has 366 days.
    {date_to_iso_days(year, month, day) - 365, 1}
  end

  def day_of_era(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    {366 - date_to_iso_days(year, month, day), 0}
  end

  ## ISO days

  @doc "The number of days from 0000-01-01 to the date (raises for an invalid date)."
  def date_to_iso_days(year, month, day)
      when is_integer(year) and is_integer(month) and is_integer(day) do
    if day < 1 or day > days_in_month(year, month) do
      raise ArgumentError, "invalid date: " <> date_to_string(year, month, day)
    end

    days_from_civil(year, month, day)
  end

  # Days since 0000-01-01 by counting 400-year cycles (146_097 days each) of
  # years that start in March, so that a leap day ends its year.
  defp days_from_civil(year, month, day) do
    y = if month <= 2, do: year - 1, else: year
    cycle = Integer.floor_div(y, 400)
    year_of_cycle = y - cycle * 400
    day_of_march_year = div(153 * rem(month + 9, 12) + 2, 5) + day - 1

    day_of_cycle =
      year_of_cycle * 365 + div(year_of_cycle, 4) - div(year_of_cycle, 100) + day_of_march_year

    # 0000-03-01 is day 60.
    cycle * 146_097 + day_of_cycle + 60
  end

  @doc "The `{year, month, day}` of ISO day `days` (-9999-01-01 to 9999-12-31)."
  def date_from_iso_days(days) when is_integer(days) and days >= -3_652_059 and days <= 3_652_424 do
    shifted = days - 60
    cycle = Integer.floor_div(shifted, 146_097)
    day_of_cycle = shifted - cycle * 146_097

    year_of_cycle =
      div(
        day_of_cycle - div(day_of_cycle, 1460) + div(day_of_cycle, 36524) -
          div(day_of_cycle, 146_096),
        365
      )

    day_of_march_year =
      day_of_cycle - (365 * year_of_cycle + div(year_of_cycle, 4) - div(year_of_cycle, 100))

    march_month = div(5 * day_of_march_year + 2, 153)
    day = day_of_march_year - div(153 * march_month + 2, 5) + 1
    month = if march_month < 10, do: march_month + 3, else: march_month - 9
    year = year_of_cycle + cycle * 400
    year = if month <= 2, do: year + 1, else: year
    {year, month, day}
  end

  @doc "The fraction of a day a time is, in microseconds: `{parts, 86_400_000_000}`."
  def time_to_day_fraction(hour, minute, second, {microsecond, _precision})
      when is_integer(hour) and is_integer(minute) and is_integer(second) and
             is_integer(microsecond) do
    {((hour * 60 + minute) * 60 + second) * 1_000_000 + microsecond, @parts_per_day}
  end

  @doc "The time a day fraction is, to the microsecond: `{hour, minute, second, {microsecond, 6}}`."
  def time_from_day_fraction({parts, parts_per_day})
      when is_integer(parts) and is_integer(parts_per_day) do
    total = div(parts * @parts_per_day, parts_per_day)
    seconds = div(total, 1_000_000)
    {div(seconds, 3600), rem(div(seconds, 60), 60), rem(seconds, 60), {rem(total, 1_000_000), 6}}
  end

  @doc "`{iso_days, day_fraction}` of a naive date and time."
  def naive_datetime_to_iso_days(year, month, day, hour, minute, second, microsecond) do
    {date_to_iso_days(year, month, day), time_to_day_fraction(hour, minute, second, microsecond)}
  end

  @doc "The `{year, month, day, hour, minute, second, microsecond}` of `{iso_days, day_fraction}`."
  def naive_datetime_from_iso_days({days, day_fraction}) do
    {year, month, day} = date_from_iso_days(days)
    {hour, minute, second, microsecond} = time_from_day_fraction(day_fraction)
    {year, month, day, hour, minute, second, microsecond}
  end

  @doc """
  Adds `add` parts (of `ppd` parts per day) to `{days, {parts, day_parts}}`,
  carrying whole days over.
  """
  def add_day_fraction_to_iso_days({days, {parts, ppd}}, add, ppd) do
    normalize_iso_days(days, parts + add, ppd)
  end

  def add_day_fraction_to_iso_days({days, {parts, from_ppd}}, add, ppd) do
    normalize_iso_days(days, div(parts * ppd, from_ppd) + add, ppd)
  end

  defp normalize_iso_days(days, parts, ppd) do
    {days + Integer.floor_div(parts, ppd), {Integer.mod(parts, ppd), ppd}}
  end

  @doc "`{iso_days, day_fraction}` as a count of `unit` since 0000-01-01."
  def iso_days_to_unit({days, {parts, ppd}}, unit) do
    microseconds = days * @parts_per_day + div(parts * @parts_per_day, ppd)
    System.convert_time_unit(microseconds, :microsecond, unit)
  end

  @doc "`{iso_days, day_fraction}` of `seconds` (and `microsecond`) since 0000-01-01."
  def gregorian_seconds_to_iso_days(seconds, microsecond)
      when is_integer(seconds) and is_integer(microsecond) do
    days = Integer.floor_div(seconds, @seconds_per_day)
    in_day = Integer.mod(seconds, @seconds_per_day)
    {days, {in_day * 1_000_000 + microsecond, @parts_per_day}}
  end

  @doc """
  `{:ok, date, time, microsecond}` of Unix time `integer` in `unit`, or
  `{:error, :invalid_unix_time}` outside years -9999 to 9999.
  """
  def from_unix(integer, unit) when is_integer(integer) do
    total = System.convert_time_unit(integer, unit, :microsecond)
    seconds = Integer.floor_div(total, 1_000_000)

    if seconds < @unix_min or seconds > @unix_max do
      {:error, :invalid_unix_time}
    else
      {days, {parts, _}} =
        gregorian_seconds_to_iso_days(seconds + @unix_epoch, Integer.mod(total, 1_000_000))

      {hour, minute, second, {microsecond, _}} = time_from_day_fraction({parts, @parts_per_day})
      {:ok, date_from_iso_days(days), {hour, minute, second}, {microsecond, precision_for_unit(unit)}}
    end
  end

  # How many decimals of a second `unit` shows: 10^n units a second show n
  # (at most 6); any other unit shows 6. (Time and DateTime have the same.)
  defp precision_for_unit(unit) do
    case System.convert_time_unit(1, :second, unit) do
      1 -> 0
      10 -> 1
      100 -> 2
      1_000 -> 3
      10_000 -> 4
      100_000 -> 5
      _ -> 6
    end
  end

  ## Formatting

  @doc "`2015-02-28` (`:extended`) or `20150228` (`:basic`)."
  def date_to_string(year, month, day, format \\ :extended)
      when is_integer(year) and is_integer(month) and is_integer(day) and
             format in [:basic, :extended] do
    sep = if format == :extended, do: "-", else: ""
    year_to_string(year) <> sep <> pad2(month) <> sep <> pad2(day)
  end

  defp year_to_string(year) when year < 0, do: "-" <> pad(-year, 4)
  defp year_to_string(year), do: pad(year, 4)

  @doc "`23:00:07.001` (`:extended`) or `230007.001` (`:basic`), with the microsecond's precision."
  def time_to_string(hour, minute, second, {microsecond, precision}, format \\ :extended)
      when is_integer(hour) and is_integer(minute) and is_integer(second) and
             is_integer(microsecond) and is_integer(precision) and format in [:basic, :extended] do
    sep = if format == :extended, do: ":", else: ""
    pad2(hour) <> sep <> pad2(minute) <> sep <> pad2(second) <> fraction_to_string(microsecond, precision)
  end

  defp fraction_to_string(_microsecond, 0), do: ""

  defp fraction_to_string(microsecond, precision) do
    "." <> binary_part(pad(microsecond, 6), 0, precision)
  end

  @doc "The date and the time, separated by a space."
  def naive_datetime_to_string(year, month, day, hour, minute, second, microsecond, format \\ :extended) do
    date_to_string(year, month, day, format) <>
      " " <> time_to_string(hour, minute, second, microsecond, format)
  end

  @doc """
  The date, the time, the offset (`Z` in Etc/UTC) and, outside Etc/UTC, the
  zone's abbreviation and name: `2017-08-01 01:02:03+01:00 CET Europe/Berlin`.
  """
  def datetime_to_string(
        year,
        month,
        day,
        hour,
        minute,
        second,
        microsecond,
        time_zone,
        zone_abbr,
        utc_offset,
        std_offset,
        format \\ :extended
      ) do
    naive_datetime_to_string(year, month, day, hour, minute, second, microsecond, format) <>
      offset_to_string(utc_offset, std_offset, time_zone, format) <>
      zone_to_string(time_zone, zone_abbr)
  end

  @doc "`Z` for Etc/UTC at offset 0, else `+HH:MM` (`:extended`) or `+HHMM` (`:basic`)."
  def offset_to_string(0, 0, "Etc/UTC", _format), do: "Z"

  def offset_to_string(utc_offset, std_offset, _time_zone, format) do
    total = utc_offset + std_offset
    sign = if total < 0, do: "-", else: "+"
    total = abs(total)
    hours = div(total, 3600)
    minutes = div(rem(total, 3600), 60)
    sep = if format == :extended, do: ":", else: ""
    sign <> pad2(hours) <> sep <> pad2(minutes)
  end

  defp zone_to_string("Etc/UTC", _zone_abbr), do: ""
  defp zone_to_string(time_zone, zone_abbr), do: " " <> zone_abbr <> " " <> time_zone

  defp pad2(n), do: pad(n, 2)

  defp pad(n, width) when n < 0, do: "-" <> pad(-n, width)

  defp pad(n, width) do
    s = Integer.to_string(n)
    size = byte_size(s)
    if size < width, do: String.duplicate("0", width - size) <> s, else: s
  end

  ## Parsing

  @doc """
  `{:ok, {year, month, day}}` from `YYYY-MM-DD` (`:extended`, the default)
  or `YYYYMMDD` (`:basic`), a year optionally signed; `{:error,
  :invalid_format}` or `{:error, :invalid_date}` otherwise.
  """
  def parse_date(string) when is_binary(string), do: parse_date(string, :extended)

  def parse_date(string, format) when is_binary(string) and format in [:basic, :extended] do
    case take_date(string, format) do
      {:ok, {year, month, day}, ""} ->
        if valid_date?(year, month, day),
          do: {:ok, {year, month, day}},
          else: {:error, :invalid_date}

      _ ->
        {:error, :invalid_format}
    end
  end

  @doc """
  `{:ok, {hour, minute, second, microsecond}}` from `HH:MM:SS` (or
  `HHMMSS`), optionally after a `T`, with an optional fraction (`.` or `,`,
  kept to 6 digits) and an offset that is checked and ignored.
  """
  def parse_time(string) when is_binary(string), do: parse_time(string, :extended)

  def parse_time(string, format) when is_binary(string) and format in [:basic, :extended] do
    string = strip_t(string)

    with {:ok, {hour, minute, second, microsecond}, rest} <- take_time(string, format),
         {:ok, _offset} <- take_offset(rest) do
      if valid_time?(hour, minute, second, microsecond),
        do: {:ok, {hour, minute, second, microsecond}},
        else: {:error, :invalid_time}
    else
      _ -> {:error, :invalid_format}
    end
  end

  defp strip_t("T" <> rest), do: rest
  defp strip_t(string), do: string

  @doc """
  `{:ok, {year, month, day, hour, minute, second, microsecond}}` from a date
  and a time separated by `T` or a space; an offset is checked and ignored.
  """
  def parse_naive_datetime(string) when is_binary(string), do: parse_naive_datetime(string, :extended)

  def parse_naive_datetime(string, format) when is_binary(string) and format in [:basic, :extended] do
    case take_datetime(string, format) do
      {:ok, date, time, _offset} -> validate_datetime(date, time)
      :error -> {:error, :invalid_format}
    end
  end

  @doc """
  As `parse_naive_datetime/2`, but the offset is required and the result is
  moved to UTC: `{:ok, {year, ..., microsecond}, offset_in_seconds}`.
  """
  def parse_utc_datetime(string) when is_binary(string), do: parse_utc_datetime(string, :extended)

  def parse_utc_datetime(string, format) when is_binary(string) and format in [:basic, :extended] do
    case take_datetime(string, format) do
      {:ok, date, time, offset} ->
        with {:ok, {year, month, day, hour, minute, second, microsecond}} <-
               validate_datetime(date, time) do
          if offset == nil do
            {:error, :missing_offset}
          else
            {days, {parts, ppd}} =
              naive_datetime_to_iso_days(year, month, day, hour, minute, second, microsecond)

            iso_days = add_day_fraction_to_iso_days({days, {parts, ppd}}, -offset * 1_000_000, ppd)
            {y, mo, d, h, mi, s, {us, _}} = naive_datetime_from_iso_days(iso_days)
            {:ok, {y, mo, d, h, mi, s, {us, elem(microsecond, 1)}}, offset}
          end
        end

      :error ->
        {:error, :invalid_format}
    end
  end

  defp validate_datetime({year, month, day}, {hour, minute, second, microsecond}) do
    cond do
      not valid_date?(year, month, day) -> {:error, :invalid_date}
      not valid_time?(hour, minute, second, microsecond) -> {:error, :invalid_time}
      true -> {:ok, {year, month, day, hour, minute, second, microsecond}}
    end
  end

  # A date, `T` or a space, a time and an optional offset, to the end.
  defp take_datetime(string, format) do
    with {:ok, date, <<sep, rest::binary>>} when sep in [?T, ?\s] <- take_date(string, format),
         {:ok, time, rest} <- take_time(rest, format),
         {:ok, offset} <- take_offset(rest) do
      {:ok, date, time, offset}
    else
      _ -> :error
    end
  end

  defp take_date(<<?-, rest::binary>>, format) do
    case take_date(rest, format) do
      {:ok, {year, month, day}, rest} -> {:ok, {-year, month, day}, rest}
      :error -> :error
    end
  end

  defp take_date(<<?+, rest::binary>>, format), do: take_date(rest, format)

  defp take_date(
         <<y::binary-size(4), ?-, m::binary-size(2), ?-, d::binary-size(2), rest::binary>>,
         :extended
       ) do
    take_date_fields(y, m, d, rest)
  end

  defp take_date(<<y::binary-size(4), m::binary-size(2), d::binary-size(2), rest::binary>>, :basic) do
    take_date_fields(y, m, d, rest)
  end

  defp take_date(_string, _format), do: :error

  defp take_date_fields(y, m, d, rest) do
    with {:ok, year} <- digits(y), {:ok, month} <- digits(m), {:ok, day} <- digits(d) do
      {:ok, {year, month, day}, rest}
    end
  end

  defp take_time(<<h::binary-size(2), ?:, m::binary-size(2), ?:, s::binary-size(2), rest::binary>>, :extended) do
    take_time_fields(h, m, s, rest)
  end

  defp take_time(<<h::binary-size(2), m::binary-size(2), s::binary-size(2), rest::binary>>, :basic) do
    take_time_fields(h, m, s, rest)
  end

  defp take_time(_string, _format), do: :error

  defp take_time_fields(h, m, s, rest) do
    with {:ok, hour} <- digits(h),
         {:ok, minute} <- digits(m),
         {:ok, second} <- digits(s),
         {:ok, microsecond, rest} <- take_fraction(rest) do
      {:ok, {hour, minute, second, microsecond}, rest}
    end
  end

  defp take_fraction(<<sep, rest::binary>>) when sep in [?., ?,] do
    case leading_digits(rest, "") do
      {"", _rest} ->
        :error

      {digits, rest} ->
        precision = min(byte_size(digits), 6)
        kept = binary_part(digits, 0, precision)
        {:ok, us} = digits(kept <> String.duplicate("0", 6 - precision))
        {:ok, {us, precision}, rest}
    end
  end

  defp take_fraction(rest), do: {:ok, {0, 0}, rest}

  defp leading_digits(<<c, rest::binary>>, acc) when c >= ?0 and c <= ?9,
    do: leading_digits(rest, <<acc::binary, c>>)

  defp leading_digits(rest, acc), do: {acc, rest}

  # The whole rest as an offset in seconds: nil for none, 0 for `Z`,
  # `±HH:MM`, `±HHMM` or `±HH` (hours below 24, minutes below 60, and
  # never `-00:00`).
  defp take_offset(""), do: {:ok, nil}
  defp take_offset("Z"), do: {:ok, 0}

  defp take_offset(<<sign, h::binary-size(2), ?:, m::binary-size(2)>>) when sign in [?+, ?-],
    do: offset(sign, h, m)

  defp take_offset(<<sign, h::binary-size(2), m::binary-size(2)>>) when sign in [?+, ?-],
    do: offset(sign, h, m)

  defp take_offset(<<sign, h::binary-size(2)>>) when sign in [?+, ?-], do: offset(sign, h, "00")
  defp take_offset(_rest), do: :error

  defp offset(sign, h, m) do
    with {:ok, hours} <- digits(h),
         {:ok, minutes} <- digits(m),
         true <- hours < 24 and minutes < 60,
         seconds = (hours * 60 + minutes) * 60,
         false <- sign == ?- and seconds == 0 do
      {:ok, if(sign == ?-, do: -seconds, else: seconds)}
    else
      _ -> :error
    end
  end

  # A string of ASCII digits as an integer.
  defp digits(string), do: digits(string, 0)
  defp digits(<<c, rest::binary>>, acc) when c >= ?0 and c <= ?9, do: digits(rest, acc * 10 + c - ?0)
  defp digits(<<>>, acc), do: {:ok, acc}
  defp digits(_string, _acc), do: :error
end
