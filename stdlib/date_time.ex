defmodule DateTime do
  @moduledoc """
  A date and time in a time zone: the `NaiveDateTime` fields plus
  `time_zone`, `zone_abbr`, `utc_offset` and `std_offset` (seconds).
  `~U[2000-01-01 23:00:07Z]` is one in UTC ("Etc/UTC").

  Moving between zones asks a time zone database
  (`Calendar.get_time_zone_database/0` unless one is given); the default,
  `Calendar.UTCOnlyTimeZoneDatabase`, knows only Etc/UTC, so any other zone
  gives `{:error, :utc_only_time_zone_database}`. A datetime already in
  another zone (built by hand) still prints, compares and converts.
  """

  @enforce_keys [:year, :month, :day, :hour, :minute, :second] ++
                  [:time_zone, :zone_abbr, :utc_offset, :std_offset]
  defstruct [
    :year,
    :month,
    :day,
    :hour,
    :minute,
    :second,
    :time_zone,
    :zone_abbr,
    :utc_offset,
    :std_offset,
    microsecond: {0, 0},
    calendar: Calendar.ISO
  ]

  @seconds_per_day 86_400
  @parts_per_day 86_400_000_000
  # Seconds from 0000-01-01 to 1970-01-01.
  @unix_epoch 62_167_219_200

  @doc "The datetime now, in UTC, to the microsecond."
  def utc_now(calendar \\ Calendar.ISO) do
    {:ok, datetime} = from_unix(System.os_time(:microsecond), :microsecond, calendar)
    datetime
  end

  @doc "`{:ok, datetime}` now in `time_zone` (only Etc/UTC with the default database)."
  def now(time_zone, time_zone_database \\ Calendar.get_time_zone_database())

  def now("Etc/UTC", _time_zone_database), do: {:ok, utc_now()}

  def now(time_zone, time_zone_database) do
    shift_zone(utc_now(), time_zone, time_zone_database)
  end

  @doc "As `now/2`, raising `ArgumentError`."
  def now!(time_zone, time_zone_database \\ Calendar.get_time_zone_database()) do
    case now(time_zone, time_zone_database) do
      {:ok, datetime} ->
        datetime

      {:error, reason} ->
        raise ArgumentError,
              "cannot get current datetime in #{inspect(time_zone)} time zone, reason: #{inspect(reason)}"
    end
  end

  @doc """
  `{:ok, datetime}` in UTC from Unix time `integer` in `unit`, or
  `{:error, :invalid_unix_time}` outside years -9999 to 9999.
  """
  def from_unix(integer, unit \\ :second, calendar \\ Calendar.ISO) when is_integer(integer) do
    case Calendar.ISO.from_unix(integer, unit) do
      {:ok, {year, month, day}, {hour, minute, second}, microsecond} ->
        iso_datetime = %DateTime{
          year: year,
          month: month,
          day: day,
          hour: hour,
          minute: minute,
          second: second,
          microsecond: microsecond,
          std_offset: 0,
          utc_offset: 0,
          zone_abbr: "UTC",
          time_zone: "Etc/UTC"
        }

        convert(iso_datetime, calendar)

      {:error, _} = error ->
        error
    end
  end

  @doc "As `from_unix/3`, raising `ArgumentError`."
  def from_unix!(integer, unit \\ :second, calendar \\ Calendar.ISO) do
    case from_unix(integer, unit, calendar) do
      {:ok, datetime} -> datetime
      {:error, :invalid_unix_time} -> raise ArgumentError, "invalid Unix time #{integer}"
    end
  end

  @doc "`{:ok, datetime}`: `naive_datetime` as a wall-clock time in `time_zone`."
  def from_naive(naive_datetime, time_zone, time_zone_database \\ Calendar.get_time_zone_database())

  def from_naive(naive_datetime, "Etc/UTC", _time_zone_database) do
    {:ok, from_naive_with_period(naive_datetime, "Etc/UTC", %{utc_offset: 0, std_offset: 0, zone_abbr: "UTC"})}
  end

  def from_naive(%{calendar: calendar} = naive_datetime, time_zone, time_zone_database) do
    iso_naive = NaiveDateTime.convert!(naive_datetime, Calendar.ISO)

    case time_zone_database.time_zone_periods_from_wall_datetime(iso_naive, time_zone) do
      {:ok, period} ->
        {:ok, naive_datetime |> from_naive_with_period(time_zone, period) |> convert!(calendar)}

      {:ambiguous, first_period, second_period} ->
        {:ambiguous, from_naive_with_period(naive_datetime, time_zone, first_period),
         from_naive_with_period(naive_datetime, time_zone, second_period)}

      {:gap, {period_before, limit_before}, {period_after, limit_after}} ->
        before = %{limit_before | microsecond: naive_datetime.microsecond}
        after_ = %{limit_after | microsecond: naive_datetime.microsecond}

        {:gap, from_naive_with_period(before, time_zone, period_before),
         from_naive_with_period(after_, time_zone, period_after)}

      {:error, _} = error ->
        error
    end
  end

  defp from_naive_with_period(naive_datetime, time_zone, period) do
    %DateTime{
      calendar: naive_datetime.calendar,
      year: naive_datetime.year,
      month: naive_datetime.month,
      day: naive_datetime.day,
      hour: naive_datetime.hour,
      minute: naive_datetime.minute,
      second: naive_datetime.second,
      microsecond: naive_datetime.microsecond,
      std_offset: period.std_offset,
      utc_offset: period.utc_offset,
      zone_abbr: period.zone_abbr,
      time_zone: time_zone
    }
  end

  @doc "As `from_naive/3`, raising `ArgumentError` (for an ambiguous or missing time too)."
  def from_naive!(naive_datetime, time_zone, time_zone_database \\ Calendar.get_time_zone_database()) do
    case from_naive(naive_datetime, time_zone, time_zone_database) do
      {:ok, datetime} ->
        datetime

      {:ambiguous, dt1, dt2} ->
        raise ArgumentError,
              "cannot convert #{inspect(naive_datetime)} to datetime because such " <>
                "instant is ambiguous in time zone #{time_zone} as there is an overlap " <>
                "between #{inspect(dt1)} and #{inspect(dt2)}"

      {:gap, dt1, dt2} ->
        raise ArgumentError,
              "cannot convert #{inspect(naive_datetime)} to datetime because such " <>
                "instant does not exist in time zone #{time_zone} as there is a gap " <>
                "between #{inspect(dt1)} and #{inspect(dt2)}"

      {:error, reason} ->
        raise ArgumentError,
              "cannot convert #{inspect(naive_datetime)} to datetime, reason: #{inspect(reason)}"
    end
  end

  @doc "`{:ok, datetime}`: the same instant in `time_zone`."
  def shift_zone(datetime, time_zone, time_zone_database \\ Calendar.get_time_zone_database())

  def shift_zone(%{time_zone: time_zone} = datetime, time_zone, _time_zone_database) do
    {:ok, datetime}
  end

  def shift_zone(%{calendar: calendar} = datetime, "Etc/UTC", _time_zone_database) do
    {:ok, from_utc_iso_days(utc_iso_days(datetime), calendar, precision(datetime), "Etc/UTC", utc_period())}
  end

  def shift_zone(%{calendar: calendar} = datetime, time_zone, time_zone_database) do
    iso_days = utc_iso_days(datetime)

    case time_zone_database.time_zone_period_from_utc_iso_days(iso_days, time_zone) do
      {:ok, period} -> {:ok, from_utc_iso_days(iso_days, calendar, precision(datetime), time_zone, period)}
      {:error, _} = error -> error
    end
  end

  @doc "As `shift_zone/3`, raising `ArgumentError`."
  def shift_zone!(datetime, time_zone, time_zone_database \\ Calendar.get_time_zone_database()) do
    case shift_zone(datetime, time_zone, time_zone_database) do
      {:ok, datetime} ->
        datetime

      {:error, reason} ->
        raise ArgumentError,
              "cannot shift #{inspect(datetime)} to #{inspect(time_zone)} time zone, reason: #{inspect(reason)}"
    end
  end

  @doc "`{:ok, datetime}` of `date` and `time` in `time_zone` (Etc/UTC by default)."
  def new(date, time, time_zone \\ "Etc/UTC", time_zone_database \\ Calendar.get_time_zone_database())

  def new(%Date{calendar: calendar} = date, %Time{calendar: calendar} = time, time_zone, time_zone_database) do
    {:ok, naive_datetime} = NaiveDateTime.new(date, time)
    from_naive(naive_datetime, time_zone, time_zone_database)
  end

  @doc "As `new/4`, raising `ArgumentError`."
  def new!(date, time, time_zone \\ "Etc/UTC", time_zone_database \\ Calendar.get_time_zone_database())

  def new!(%Date{calendar: calendar} = date, %Time{calendar: calendar} = time, time_zone, time_zone_database) do
    case new(date, time, time_zone, time_zone_database) do
      {:ok, datetime} ->
        datetime

      {:ambiguous, dt1, dt2} ->
        raise ArgumentError,
              "cannot build datetime with #{inspect(date)} and #{inspect(time)} because such " <>
                "instant is ambiguous in time zone #{time_zone} as there is an overlap " <>
                "between #{inspect(dt1)} and #{inspect(dt2)}"

      {:gap, dt1, dt2} ->
        raise ArgumentError,
              "cannot build datetime with #{inspect(date)} and #{inspect(time)} because such " <>
                "instant does not exist in time zone #{time_zone} as there is a gap " <>
                "between #{inspect(dt1)} and #{inspect(dt2)}"

      {:error, reason} ->
        raise ArgumentError,
              "cannot build datetime with #{inspect(date)} and #{inspect(time)}, reason: #{inspect(reason)}"
    end
  end

  @doc "The Unix time of the instant, in `unit`."
  def to_unix(%DateTime{} = datetime, unit \\ :second) do
    Calendar.ISO.iso_days_to_unit(utc_iso_days(datetime), unit) -
      System.convert_time_unit(@unix_epoch, :second, unit)
  end

  @doc "The wall-clock date and time, without the zone."
  def to_naive(%DateTime{calendar: calendar} = datetime) do
    %NaiveDateTime{
      calendar: calendar,
      year: datetime.year,
      month: datetime.month,
      day: datetime.day,
      hour: datetime.hour,
      minute: datetime.minute,
      second: datetime.second,
      microsecond: datetime.microsecond
    }
  end

  @doc "The wall-clock date."
  def to_date(%DateTime{calendar: calendar, year: year, month: month, day: day}) do
    %Date{calendar: calendar, year: year, month: month, day: day}
  end

  @doc "The wall-clock time."
  def to_time(%DateTime{calendar: calendar} = datetime) do
    %Time{
      calendar: calendar,
      hour: datetime.hour,
      minute: datetime.minute,
      second: datetime.second,
      microsecond: datetime.microsecond
    }
  end

  @doc """
  ISO 8601 (`:extended`, `2016-05-24T13:26:08+02:00`, or `:basic`); with
  `offset` (seconds), the instant shown at that offset instead.
  """
  def to_iso8601(datetime, format \\ :extended, offset \\ nil)

  def to_iso8601(%{calendar: Calendar.ISO} = datetime, format, nil) when format in [:extended, :basic] do
    %{year: year, month: month, day: day, hour: hour, minute: minute, second: second} = datetime
    %{time_zone: time_zone, utc_offset: utc_offset, std_offset: std_offset} = datetime

    Calendar.ISO.date_to_string(year, month, day, format) <>
      "T" <>
      Calendar.ISO.time_to_string(hour, minute, second, datetime.microsecond, format) <>
      Calendar.ISO.offset_to_string(utc_offset, std_offset, time_zone, format)
  end

  def to_iso8601(%{calendar: Calendar.ISO, utc_offset: utc_offset, std_offset: std_offset, time_zone: time_zone} = datetime, format, offset)
      when format in [:extended, :basic] and is_integer(offset) do
    if offset == utc_offset + std_offset do
      to_iso8601(%{datetime | utc_offset: offset, std_offset: 0}, format, nil)
    else
      period = %{utc_offset: offset, std_offset: 0, zone_abbr: datetime.zone_abbr}

      datetime
      |> utc_iso_days()
      |> from_utc_iso_days(Calendar.ISO, precision(datetime), time_zone, period)
      |> to_iso8601(format, nil)
    end
  end

  def to_iso8601(%{calendar: _} = datetime, format, offset) when format in [:extended, :basic] do
    datetime |> convert!(Calendar.ISO) |> to_iso8601(format, offset)
  end

  @doc "The datetime as its calendar writes it (`2000-02-29 23:00:07+01:00 CET Europe/Warsaw`)."
  def to_string(%{calendar: calendar} = datetime) do
    %DateTime{year: year, month: month, day: day, hour: hour, minute: minute, second: second} = datetime
    %{microsecond: microsecond, time_zone: time_zone, zone_abbr: zone_abbr} = datetime
    %{utc_offset: utc_offset, std_offset: std_offset} = datetime

    calendar.datetime_to_string(
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
      std_offset
    )
  end

  @doc """
  `{:ok, datetime, offset}`: an ISO 8601 datetime with an offset, as a
  datetime in UTC and the offset it was written with (seconds).
  """
  def from_iso8601(string, format_or_calendar \\ Calendar.ISO)

  def from_iso8601(string, format) when format in [:basic, :extended] do
    from_iso8601(string, Calendar.ISO, format)
  end

  def from_iso8601(string, calendar), do: from_iso8601(string, calendar, :extended)

  @doc "As `from_iso8601/2`, in `format` (`:extended` or `:basic`)."
  def from_iso8601(string, calendar, format) do
    with {:ok, {year, month, day, hour, minute, second, microsecond}, offset} <-
           Calendar.ISO.parse_utc_datetime(string, format) do
      datetime = %DateTime{
        year: year,
        month: month,
        day: day,
        hour: hour,
        minute: minute,
        second: second,
        microsecond: microsecond,
        std_offset: 0,
        utc_offset: 0,
        zone_abbr: "UTC",
        time_zone: "Etc/UTC"
      }

      with {:ok, converted} <- convert(datetime, calendar) do
        {:ok, converted, offset}
      end
    end
  end

  @doc "`:lt`, `:eq` or `:gt`: how the two instants are ordered."
  def compare(
        %{calendar: _, utc_offset: _, std_offset: _} = datetime1,
        %{calendar: _, utc_offset: _, std_offset: _} = datetime2
      ) do
    case {utc_microseconds(datetime1), utc_microseconds(datetime2)} do
      {first, second} when first > second -> :gt
      {first, second} when first < second -> :lt
      _ -> :eq
    end
  end

  @doc """
  How much later `datetime1` is than `datetime2`, in `unit` (`:day`,
  `:hour`, `:minute` or a time unit, as `NaiveDateTime.diff/3` counts).
  """
  def diff(datetime1, datetime2, unit \\ :second)

  def diff(%DateTime{} = datetime1, %DateTime{} = datetime2, :day), do: div(diff(datetime1, datetime2, :second), @seconds_per_day)
  def diff(%DateTime{} = datetime1, %DateTime{} = datetime2, :hour), do: div(diff(datetime1, datetime2, :second), 3600)
  def diff(%DateTime{} = datetime1, %DateTime{} = datetime2, :minute), do: div(diff(datetime1, datetime2, :second), 60)

  def diff(%DateTime{calendar: calendar1} = datetime1, %DateTime{calendar: calendar2} = datetime2, unit) do
    if not Calendar.compatible_calendars?(calendar1, calendar2) do
      raise ArgumentError,
            "cannot calculate the difference between #{inspect(datetime1)} and #{inspect(datetime2)} " <>
              "because their calendars are not compatible and thus the result would be ambiguous"
    end

    Calendar.ISO.iso_days_to_unit(utc_iso_days(datetime1), unit) -
      Calendar.ISO.iso_days_to_unit(utc_iso_days(datetime2), unit)
  end

  @doc """
  The instant `amount` `unit`s later (`:day`, `:hour`, `:minute` or a time
  unit), in the datetime's zone as `time_zone_database` gives it.
  """
  def add(datetime, amount, unit \\ :second, time_zone_database \\ Calendar.get_time_zone_database())

  def add(%DateTime{calendar: calendar, time_zone: time_zone} = datetime, amount, unit, time_zone_database)
      when is_integer(amount) do
    {amount, unit} = normalize_amount(amount, unit)
    {days, {parts, ppd}} = utc_iso_days(datetime)
    added = div(System.convert_time_unit(amount, unit, :microsecond) * ppd, @parts_per_day)
    iso_days = Calendar.ISO.add_day_fraction_to_iso_days({days, {parts, ppd}}, added, ppd)

    result =
      if time_zone == "Etc/UTC" do
        {:ok, utc_period()}
      else
        time_zone_database.time_zone_period_from_utc_iso_days(iso_days, time_zone)
      end

    case result do
      {:ok, period} ->
        from_utc_iso_days(iso_days, calendar, precision(datetime), time_zone, period)

      {:error, reason} ->
        raise ArgumentError,
              "cannot add #{amount} #{unit} to #{inspect(datetime)} " <>
                "(with time zone database #{inspect(time_zone_database)}), reason: #{inspect(reason)}"
    end
  end

  defp normalize_amount(amount, :day), do: {amount * @seconds_per_day, :second}
  defp normalize_amount(amount, :hour), do: {amount * 3600, :second}
  defp normalize_amount(amount, :minute), do: {amount * 60, :second}
  defp normalize_amount(amount, unit), do: {amount, unit}

  @doc "The datetime with its microseconds cut to `precision`."
  def truncate(%DateTime{microsecond: microsecond} = datetime, precision) do
    %{datetime | microsecond: Calendar.truncate(microsecond, precision)}
  end

  def truncate(%{} = datetime, _precision) do
    # As Elixir: a map that is not a DateTime lacks the zone fields.
    _ = Map.fetch!(datetime, :time_zone)
  end

  @doc "`{:ok, datetime}` in `calendar`, or `{:error, :incompatible_calendars}`."
  def convert(%DateTime{calendar: calendar} = datetime, calendar), do: {:ok, datetime}

  def convert(%DateTime{calendar: calendar} = datetime, target_calendar) do
    if Calendar.compatible_calendars?(calendar, target_calendar) do
      %{time_zone: time_zone, utc_offset: utc_offset, std_offset: std_offset, zone_abbr: zone_abbr} = datetime
      period = %{utc_offset: utc_offset, std_offset: std_offset, zone_abbr: zone_abbr}
      {:ok, from_wall_iso_days(wall_iso_days(datetime), target_calendar, precision(datetime), time_zone, period)}
    else
      {:error, :incompatible_calendars}
    end
  end

  @doc "As `convert/2`, raising `ArgumentError`."
  def convert!(datetime, calendar) do
    case convert(datetime, calendar) do
      {:ok, value} ->
        value

      {:error, :incompatible_calendars} ->
        raise ArgumentError,
              "cannot convert #{inspect(datetime)} to target calendar #{inspect(calendar)}, " <>
                "reason: #{inspect(datetime.calendar)} and #{inspect(calendar)} have different " <>
                "day rollover moments, making this conversion ambiguous"
    end
  end

  @doc "The datetime in UTC `seconds` (and `microsecond`) after 0000-01-01 00:00:00."
  def from_gregorian_seconds(seconds, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def from_gregorian_seconds(seconds, {microsecond, precision}, calendar) when is_integer(seconds) do
    iso_days = Calendar.ISO.gregorian_seconds_to_iso_days(seconds, microsecond)
    from_utc_iso_days(iso_days, calendar, precision, "Etc/UTC", utc_period())
  end

  @doc "`{seconds, microsecond}` of the instant (in UTC) after 0000-01-01 00:00:00."
  def to_gregorian_seconds(%DateTime{microsecond: {microsecond, _}} = datetime) do
    {Calendar.ISO.iso_days_to_unit(utc_iso_days(datetime), :second), microsecond}
  end

  ## ISO days

  defp utc_period, do: %{utc_offset: 0, std_offset: 0, zone_abbr: "UTC"}

  defp precision(%{microsecond: {_, precision}}), do: precision

  defp wall_iso_days(%{calendar: calendar} = datetime) do
    %{year: year, month: month, day: day, hour: hour, minute: minute, second: second} = datetime
    calendar.naive_datetime_to_iso_days(year, month, day, hour, minute, second, datetime.microsecond)
  end

  # The instant's ISO days in UTC: the wall clock less the offsets.
  defp utc_iso_days(%{utc_offset: 0, std_offset: 0} = datetime), do: wall_iso_days(datetime)

  defp utc_iso_days(%{utc_offset: utc_offset, std_offset: std_offset} = datetime) do
    {_days, {_parts, ppd}} = iso_days = wall_iso_days(datetime)
    offset = div(-(utc_offset + std_offset) * 1_000_000 * ppd, @parts_per_day)
    Calendar.ISO.add_day_fraction_to_iso_days(iso_days, offset, ppd)
  end

  defp utc_microseconds(datetime), do: Calendar.ISO.iso_days_to_unit(utc_iso_days(datetime), :microsecond)

  # The datetime in the zone `period` describes of the instant at UTC `iso_days`.
  defp from_utc_iso_days({_days, {_parts, ppd}} = iso_days, calendar, precision, time_zone, period) do
    offset = div((period.utc_offset + period.std_offset) * 1_000_000 * ppd, @parts_per_day)
    wall = Calendar.ISO.add_day_fraction_to_iso_days(iso_days, offset, ppd)
    from_wall_iso_days(wall, calendar, precision, time_zone, period)
  end

  defp from_wall_iso_days(iso_days, calendar, precision, time_zone, period) do
    {year, month, day, hour, minute, second, {microsecond, _}} =
      calendar.naive_datetime_from_iso_days(iso_days)

    %DateTime{
      calendar: calendar,
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: {microsecond, precision},
      time_zone: time_zone,
      zone_abbr: period.zone_abbr,
      utc_offset: period.utc_offset,
      std_offset: period.std_offset
    }
  end
end
