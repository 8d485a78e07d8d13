defmodule NaiveDateTime do
  @moduledoc """
  A date and a time of day without a time zone:
  `%NaiveDateTime{year:, month:, day:, hour:, minute:, second:,
  microsecond:, calendar:}` (`~N[2000-01-01 23:00:07]`).

  The functions take any map with these fields (a `DateTime` too, whose
  zone is then ignored) and return `NaiveDateTime`s. Arithmetic goes
  through ISO days (`Calendar.ISO`'s `{days, {parts, parts_per_day}}`).
  """

  @enforce_keys [:year, :month, :day, :hour, :minute, :second]
  defstruct [:year, :month, :day, :hour, :minute, :second, microsecond: {0, 0}, calendar: Calendar.ISO]

  @seconds_per_day 86_400
  @parts_per_day 86_400_000_000

  @doc "The date and time now, in UTC, to the microsecond."
  def utc_now(calendar \\ Calendar.ISO) do
    {:ok, {year, month, day}, {hour, minute, second}, microsecond} =
      Calendar.ISO.from_unix(System.os_time(:microsecond), :microsecond)

    %NaiveDateTime{
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: microsecond
    }
    |> convert!(calendar)
  end

  @doc """
  The date and time now on the local clock, to the second. (beamlet reads
  no time zone configuration: its local time is UTC.)
  """
  def local_now(calendar \\ Calendar.ISO) do
    {:ok, {year, month, day}, {hour, minute, second}, _} =
      Calendar.ISO.from_unix(System.os_time(:second), :second)

    %NaiveDateTime{year: year, month: month, day: day, hour: hour, minute: minute, second: second}
    |> convert!(calendar)
  end

  @doc "The naive datetime of `date` and `time` (both of one calendar)."
  def new(%Date{calendar: calendar} = date, %Time{calendar: calendar} = time) do
    {:ok, from_parts(date, time)}
  end

  @doc "As `new/2`, raising never (the date and time are valid already)."
  def new!(%Date{calendar: calendar} = date, %Time{calendar: calendar} = time) do
    from_parts(date, time)
  end

  defp from_parts(date, time) do
    %NaiveDateTime{
      calendar: date.calendar,
      year: date.year,
      month: date.month,
      day: date.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
      microsecond: time.microsecond
    }
  end

  @doc """
  `{:ok, naive_datetime}`, `{:error, :invalid_date}` or `{:error,
  :invalid_time}`; `microsecond` is `{value, precision}` or an integer.
  """
  def new(year, month, day, hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def new(year, month, day, hour, minute, second, microsecond, calendar) when is_integer(microsecond) do
    new(year, month, day, hour, minute, second, {microsecond, 6}, calendar)
  end

  def new(year, month, day, hour, minute, second, microsecond, calendar) do
    cond do
      not calendar.valid_date?(year, month, day) ->
        {:error, :invalid_date}

      not calendar.valid_time?(hour, minute, second, microsecond) ->
        {:error, :invalid_time}

      true ->
        {:ok,
         %NaiveDateTime{
           calendar: calendar,
           year: year,
           month: month,
           day: day,
           hour: hour,
           minute: minute,
           second: second,
           microsecond: microsecond
         }}
    end
  end

  @doc "As `new/8`, raising `ArgumentError`."
  def new!(year, month, day, hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    case new(year, month, day, hour, minute, second, microsecond, calendar) do
      {:ok, naive_datetime} ->
        naive_datetime

      {:error, reason} ->
        raise ArgumentError, "cannot build naive datetime, reason: #{inspect(reason)}"
    end
  end

  @doc """
  The naive datetime `amount` `unit`s later (earlier when negative); `unit`
  is `:day`, `:hour`, `:minute` or a time unit. The precision stays.
  """
  def add(%{calendar: calendar, microsecond: {_, precision}} = naive_datetime, amount, unit \\ :second)
      when is_integer(amount) do
    {_days, {_parts, ppd}} = iso_days = to_iso_days(naive_datetime)
    added = div(to_microseconds(amount, unit) * ppd, @parts_per_day)
    from_iso_days(calendar, Calendar.ISO.add_day_fraction_to_iso_days(iso_days, added, ppd), precision)
  end

  defp to_microseconds(amount, :day), do: amount * @parts_per_day
  defp to_microseconds(amount, :hour), do: amount * 3_600_000_000
  defp to_microseconds(amount, :minute), do: amount * 60_000_000
  defp to_microseconds(amount, unit), do: System.convert_time_unit(amount, unit, :microsecond)

  @doc """
  How much later `naive_datetime1` is than `naive_datetime2`, in `unit`
  (`:day`, `:hour`, `:minute` count whole ones of the difference in
  seconds; time units count each side in whole units before subtracting).
  """
  def diff(naive_datetime1, naive_datetime2, unit \\ :second)

  def diff(naive_datetime1, naive_datetime2, :day), do: div(diff(naive_datetime1, naive_datetime2, :second), @seconds_per_day)
  def diff(naive_datetime1, naive_datetime2, :hour), do: div(diff(naive_datetime1, naive_datetime2, :second), 3600)
  def diff(naive_datetime1, naive_datetime2, :minute), do: div(diff(naive_datetime1, naive_datetime2, :second), 60)

  def diff(%{calendar: calendar1} = naive_datetime1, %{calendar: calendar2} = naive_datetime2, unit) do
    if not Calendar.compatible_calendars?(calendar1, calendar2) do
      raise ArgumentError,
            "cannot calculate the difference between #{inspect(naive_datetime1)} and " <>
              "#{inspect(naive_datetime2)} because their calendars are not compatible and thus " <>
              "the result would be ambiguous"
    end

    Calendar.ISO.iso_days_to_unit(to_iso_days(naive_datetime1), unit) -
      Calendar.ISO.iso_days_to_unit(to_iso_days(naive_datetime2), unit)
  end

  @doc "The naive datetime with its microseconds cut to `precision`."
  def truncate(%{microsecond: microsecond} = naive_datetime, precision) do
    %{naive_datetime | microsecond: Calendar.truncate(microsecond, precision)}
  end

  @doc "The date part."
  def to_date(%{calendar: calendar, year: year, month: month, day: day}) do
    %Date{calendar: calendar, year: year, month: month, day: day}
  end

  @doc "The time part."
  def to_time(%{calendar: calendar, hour: hour, minute: minute, second: second, microsecond: microsecond}) do
    %Time{calendar: calendar, hour: hour, minute: minute, second: second, microsecond: microsecond}
  end

  @doc "The naive datetime as its calendar writes it (`2000-02-28 23:00:13` in ISO)."
  def to_string(%{calendar: calendar} = naive_datetime) do
    %{year: year, month: month, day: day, hour: hour, minute: minute, second: second} = naive_datetime
    calendar.naive_datetime_to_string(year, month, day, hour, minute, second, naive_datetime.microsecond)
  end

  @doc "`{:ok, naive_datetime}` from ISO 8601 (`2015-01-23T23:50:07`; an offset is ignored)."
  def from_iso8601(string, calendar \\ Calendar.ISO) do
    with {:ok, {year, month, day, hour, minute, second, microsecond}} <-
           Calendar.ISO.parse_naive_datetime(string) do
      %NaiveDateTime{
        year: year,
        month: month,
        day: day,
        hour: hour,
        minute: minute,
        second: second,
        microsecond: microsecond
      }
      |> convert(calendar)
    end
  end

  @doc "As `from_iso8601/2`, raising `ArgumentError`."
  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, value} ->
        value

      {:error, reason} ->
        raise ArgumentError,
              "cannot parse #{inspect(string)} as naive datetime, reason: #{inspect(reason)}"
    end
  end

  @doc "ISO 8601: `:extended` (`2000-02-28T23:00:13`) or `:basic` (`20000228T230013`)."
  def to_iso8601(naive_datetime, format \\ :extended)

  def to_iso8601(%{calendar: Calendar.ISO} = naive_datetime, format) when format in [:basic, :extended] do
    %{year: year, month: month, day: day} = naive_datetime
    %{hour: hour, minute: minute, second: second, microsecond: microsecond} = naive_datetime

    Calendar.ISO.date_to_string(year, month, day, format) <>
      "T" <> Calendar.ISO.time_to_string(hour, minute, second, microsecond, format)
  end

  def to_iso8601(%{calendar: _} = naive_datetime, format) when format in [:basic, :extended] do
    naive_datetime |> convert!(Calendar.ISO) |> to_iso8601(format)
  end

  @doc "Erlang's `{{year, month, day}, {hour, minute, second}}` (in ISO; microseconds dropped)."
  def to_erl(naive_datetime) do
    %{year: year, month: month, day: day, hour: hour, minute: minute, second: second} =
      convert!(naive_datetime, Calendar.ISO)

    {{year, month, day}, {hour, minute, second}}
  end

  @doc "`{:ok, naive_datetime}` from Erlang's `{{year, month, day}, {hour, minute, second}}`."
  def from_erl(tuple, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def from_erl({{year, month, day}, {hour, minute, second}}, microsecond, calendar) do
    with {:ok, naive_datetime} <- new(year, month, day, hour, minute, second, microsecond) do
      convert(naive_datetime, calendar)
    end
  end

  @doc "As `from_erl/3`, raising `ArgumentError`."
  def from_erl!(tuple, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    case from_erl(tuple, microsecond, calendar) do
      {:ok, value} ->
        value

      {:error, reason} ->
        raise ArgumentError,
              "cannot convert #{inspect(tuple)} to naive datetime, reason: #{inspect(reason)}"
    end
  end

  @doc "The naive datetime `seconds` (and `microsecond`) after 0000-01-01 00:00:00."
  def from_gregorian_seconds(seconds, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def from_gregorian_seconds(seconds, {microsecond, precision}, calendar) when is_integer(seconds) do
    iso_days = Calendar.ISO.gregorian_seconds_to_iso_days(seconds, microsecond)
    from_iso_days(calendar, iso_days, precision)
  end

  @doc "`{seconds, microsecond}` after 0000-01-01 00:00:00."
  def to_gregorian_seconds(%{microsecond: {microsecond, _precision}} = naive_datetime) do
    {Calendar.ISO.iso_days_to_unit(to_iso_days(naive_datetime), :second), microsecond}
  end

  @doc "`:lt`, `:eq` or `:gt`: how the two are ordered (zones, if any, ignored)."
  def compare(%{calendar: calendar1} = naive_datetime1, %{calendar: calendar2} = naive_datetime2) do
    if not Calendar.compatible_calendars?(calendar1, calendar2) do
      raise ArgumentError, """
      cannot compare #{inspect(naive_datetime1)} with #{inspect(naive_datetime2)}.

      This comparison would be ambiguous as their calendars have incompatible day rollover moments.
      Specify an exact time of day (using `DateTime`s) to resolve this ambiguity
      """
    end

    case {microseconds(naive_datetime1), microseconds(naive_datetime2)} do
      {first, second} when first > second -> :gt
      {first, second} when first < second -> :lt
      _ -> :eq
    end
  end

  @doc "`{:ok, naive_datetime}` in `calendar`, or `{:error, :incompatible_calendars}`."
  def convert(%{calendar: calendar} = naive_datetime, calendar) do
    {:ok, from_map(naive_datetime)}
  end

  def convert(%{calendar: calendar, microsecond: {_, precision}} = naive_datetime, target_calendar) do
    if Calendar.compatible_calendars?(calendar, target_calendar) do
      {:ok, from_iso_days(target_calendar, to_iso_days(naive_datetime), precision)}
    else
      {:error, :incompatible_calendars}
    end
  end

  @doc "As `convert/2`, raising `ArgumentError`."
  def convert!(naive_datetime, calendar) do
    case convert(naive_datetime, calendar) do
      {:ok, value} ->
        value

      {:error, :incompatible_calendars} ->
        raise ArgumentError,
              "cannot convert #{inspect(naive_datetime)} to target calendar #{inspect(calendar)}, " <>
                "reason: #{inspect(naive_datetime.calendar)} and #{inspect(calendar)} have different " <>
                "day rollover moments, making this conversion ambiguous"
    end
  end

  defp from_map(%{calendar: calendar} = map) do
    %NaiveDateTime{
      calendar: calendar,
      year: map.year,
      month: map.month,
      day: map.day,
      hour: map.hour,
      minute: map.minute,
      second: map.second,
      microsecond: map.microsecond
    }
  end

  defp to_iso_days(%{calendar: calendar} = naive_datetime) do
    %{year: year, month: month, day: day, hour: hour, minute: minute, second: second} = naive_datetime
    calendar.naive_datetime_to_iso_days(year, month, day, hour, minute, second, naive_datetime.microsecond)
  end

  # Microseconds since 0000-01-01, for ordering.
  defp microseconds(naive_datetime) do
    Calendar.ISO.iso_days_to_unit(to_iso_days(naive_datetime), :microsecond)
  end

  defp from_iso_days(calendar, iso_days, precision) do
    {year, month, day, hour, minute, second, {microsecond, _}} =
      calendar.naive_datetime_from_iso_days(iso_days)

    %NaiveDateTime{
      calendar: calendar,
      year: year,
      month: month,
      day: day,
      hour: hour,
      minute: minute,
      second: second,
      microsecond: {microsecond, precision}
    }
  end
end
