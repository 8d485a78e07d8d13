defmodule Date do
  @moduledoc """
  A date: `%Date{year:, month:, day:, calendar:}` (`~D[2000-01-01]`), in
  `Calendar.ISO` unless another calendar is given.

  The functions take any map with the date fields and a calendar (a
  `NaiveDateTime` or a `DateTime` too) and return `Date`s. Dates compare
  with `compare/2` (`==` compares structurally; `<` does not compare dates).
  """

  @enforce_keys [:year, :month, :day]
  defstruct [:year, :month, :day, calendar: Calendar.ISO]

  @parts_per_day 86_400_000_000

  @doc """
  The dates from `first` to `last` (each included), stepping one day
  forwards, or backwards when `last` comes first.
  """
  def range(%{calendar: calendar} = first, %{calendar: calendar} = last) do
    {first_days, _} = to_iso_days(first)
    {last_days, _} = to_iso_days(last)
    step = if first_days <= last_days, do: 1, else: -1
    build_range(first, last, first_days, last_days, step)
  end

  def range(%{calendar: _, year: _, month: _, day: _}, %{calendar: _, year: _, month: _, day: _}) do
    raise ArgumentError, "both dates must have matching calendars"
  end

  @doc "The dates from `first` to `last` by `step` days (a non-zero integer)."
  def range(%{calendar: calendar} = first, %{calendar: calendar} = last, step)
      when is_integer(step) and step != 0 do
    {first_days, _} = to_iso_days(first)
    {last_days, _} = to_iso_days(last)
    build_range(first, last, first_days, last_days, step)
  end

  def range(%{calendar: _, year: _, month: _, day: _} = first, %{calendar: _, year: _, month: _, day: _} = last, step) do
    raise ArgumentError,
          "both dates must have matching calendar and the step must be a non-zero integer, " <>
            "got: #{inspect(first)}, #{inspect(last)}, #{inspect(step)}"
  end

  defp build_range(first, last, first_days, last_days, step) do
    %Date.Range{
      first: to_date(first),
      last: to_date(last),
      first_in_iso_days: first_days,
      last_in_iso_days: last_days,
      step: step
    }
  end

  defp to_date(%{calendar: calendar, year: year, month: month, day: day}) do
    %Date{calendar: calendar, year: year, month: month, day: day}
  end

  @doc "Today, in UTC."
  def utc_today(calendar \\ Calendar.ISO)

  def utc_today(Calendar.ISO) do
    {:ok, {year, month, day}, _time, _us} =
      Calendar.ISO.from_unix(System.os_time(:second), :second)

    %Date{year: year, month: month, day: day}
  end

  def utc_today(calendar), do: convert!(utc_today(Calendar.ISO), calendar)

  @doc "Whether the date's year is a leap year."
  def leap_year?(%{calendar: calendar, year: year}), do: calendar.leap_year?(year)

  @doc "How many days the date's month has."
  def days_in_month(%{calendar: calendar, year: year, month: month}) do
    calendar.days_in_month(year, month)
  end

  @doc "How many months the date's year has."
  def months_in_year(%{calendar: calendar, year: year}), do: calendar.months_in_year(year)

  @doc "`{:ok, date}`, or `{:error, :invalid_date}` when the calendar has no such date."
  def new(year, month, day, calendar \\ Calendar.ISO) do
    if calendar.valid_date?(year, month, day) do
      {:ok, %Date{year: year, month: month, day: day, calendar: calendar}}
    else
      {:error, :invalid_date}
    end
  end

  @doc "As `new/4`, raising `ArgumentError` for an invalid date."
  def new!(year, month, day, calendar \\ Calendar.ISO) do
    case new(year, month, day, calendar) do
      {:ok, date} -> date
      {:error, reason} -> raise ArgumentError, "cannot build date, reason: #{inspect(reason)}"
    end
  end

  @doc "The date as its calendar writes it (`2000-02-28` in ISO)."
  def to_string(%{calendar: calendar, year: year, month: month, day: day}) do
    calendar.date_to_string(year, month, day)
  end

  @doc "`{:ok, date}` from an ISO 8601 date (`2015-01-23`), converted to `calendar`."
  def from_iso8601(string, calendar \\ Calendar.ISO) do
    with {:ok, {year, month, day}} <- Calendar.ISO.parse_date(string) do
      convert(%Date{year: year, month: month, day: day}, calendar)
    end
  end

  @doc "As `from_iso8601/2`, raising `ArgumentError`."
  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, date} ->
        date

      {:error, reason} ->
        raise ArgumentError, "cannot parse #{inspect(string)} as date, reason: #{inspect(reason)}"
    end
  end

  @doc "The date in ISO 8601 (`:extended`, `2000-02-28`, or `:basic`, `20000228`)."
  def to_iso8601(date, format \\ :extended)

  def to_iso8601(%{calendar: Calendar.ISO, year: year, month: month, day: day}, format)
      when format in [:basic, :extended] do
    Calendar.ISO.date_to_string(year, month, day, format)
  end

  def to_iso8601(%{calendar: _} = date, format) when format in [:basic, :extended] do
    date |> convert!(Calendar.ISO) |> to_iso8601(format)
  end

  @doc "The date as Erlang's `{year, month, day}` (in ISO)."
  def to_erl(date) do
    %{year: year, month: month, day: day} = convert!(to_date(date), Calendar.ISO)
    {year, month, day}
  end

  @doc "`{:ok, date}` from Erlang's `{year, month, day}`, converted to `calendar`."
  def from_erl(tuple, calendar \\ Calendar.ISO)

  def from_erl({year, month, day}, calendar) do
    with {:ok, date} <- new(year, month, day) do
      convert(date, calendar)
    end
  end

  @doc "As `from_erl/2`, raising `ArgumentError`."
  def from_erl!(tuple, calendar \\ Calendar.ISO) do
    case from_erl(tuple, calendar) do
      {:ok, date} ->
        date

      {:error, reason} ->
        raise ArgumentError, "cannot convert #{inspect(tuple)} to date, reason: #{inspect(reason)}"
    end
  end

  @doc "The date `days` days after 0000-01-01, in `calendar`."
  def from_gregorian_days(days, calendar \\ Calendar.ISO) when is_integer(days) do
    {year, month, day} = Calendar.ISO.date_from_iso_days(days)
    convert!(%Date{year: year, month: month, day: day}, calendar)
  end

  @doc "How many days the date is after 0000-01-01."
  def to_gregorian_days(date) do
    {days, _} = to_iso_days(date)
    days
  end

  @doc """
  `:lt`, `:eq` or `:gt`: how `date1` and `date2` are ordered (their times,
  if any, ignored). Their calendars must start days at the same moment.
  """
  def compare(%{calendar: calendar, year: y1, month: m1, day: d1}, %{
        calendar: calendar,
        year: y2,
        month: m2,
        day: d2
      }) do
    case {{y1, m1, d1}, {y2, m2, d2}} do
      {first, second} when first > second -> :gt
      {first, second} when first < second -> :lt
      _ -> :eq
    end
  end

  def compare(%{calendar: calendar1} = date1, %{calendar: calendar2} = date2) do
    if Calendar.compatible_calendars?(calendar1, calendar2) do
      case {to_iso_days(date1), to_iso_days(date2)} do
        {first, second} when first > second -> :gt
        {first, second} when first < second -> :lt
        _ -> :eq
      end
    else
      raise ArgumentError, """
      cannot compare #{inspect(date1)} with #{inspect(date2)}.

      This comparison would be ambiguous as their calendars have incompatible day rollover moments.
      Specify an exact time of day (using DateTime) to resolve this ambiguity
      """
    end
  end

  @doc "`{:ok, date}` in `calendar`, or `{:error, :incompatible_calendars}`."
  def convert(%{calendar: calendar, year: year, month: month, day: day}, calendar) do
    {:ok, %Date{calendar: calendar, year: year, month: month, day: day}}
  end

  def convert(%{calendar: calendar} = date, target_calendar) do
    if Calendar.compatible_calendars?(calendar, target_calendar) do
      {year, month, day, _, _, _, _} =
        date |> to_iso_days() |> target_calendar.naive_datetime_from_iso_days()

      {:ok, %Date{calendar: target_calendar, year: year, month: month, day: day}}
    else
      {:error, :incompatible_calendars}
    end
  end

  @doc "As `convert/2`, raising `ArgumentError`."
  def convert!(date, calendar) do
    case convert(date, calendar) do
      {:ok, value} ->
        value

      {:error, reason} ->
        raise ArgumentError,
              "cannot convert #{inspect(date)} to target calendar #{inspect(calendar)}, " <>
                "reason: #{inspect(reason)}"
    end
  end

  @doc "The date `days` days later (earlier when negative)."
  def add(%{calendar: Calendar.ISO} = date, days) do
    {year, month, day} =
      Calendar.ISO.date_from_iso_days(
        Calendar.ISO.date_to_iso_days(date.year, date.month, date.day) + days
      )

    %Date{calendar: Calendar.ISO, year: year, month: month, day: day}
  end

  def add(%{calendar: calendar} = date, days) do
    {base, fraction} = to_iso_days(date)

    {year, month, day, _, _, _, _} =
      calendar.naive_datetime_from_iso_days({base + days, fraction})

    %Date{calendar: calendar, year: year, month: month, day: day}
  end

  @doc "How many days `date1` is after `date2` (negative when before)."
  def diff(%{calendar: Calendar.ISO} = date1, %{calendar: Calendar.ISO} = date2) do
    Calendar.ISO.date_to_iso_days(date1.year, date1.month, date1.day) -
      Calendar.ISO.date_to_iso_days(date2.year, date2.month, date2.day)
  end

  def diff(%{calendar: calendar1} = date1, %{calendar: calendar2} = date2) do
    if Calendar.compatible_calendars?(calendar1, calendar2) do
      {days1, _} = to_iso_days(date1)
      {days2, _} = to_iso_days(date2)
      days1 - days2
    else
      raise ArgumentError,
            "cannot calculate the difference between #{inspect(date1)} and #{inspect(date2)} " <>
              "because their calendars are not compatible and thus the result would be ambiguous"
    end
  end

  @doc false
  def to_iso_days(%{calendar: Calendar.ISO, year: year, month: month, day: day}) do
    {Calendar.ISO.date_to_iso_days(year, month, day), {0, @parts_per_day}}
  end

  def to_iso_days(%{calendar: calendar, year: year, month: month, day: day}) do
    calendar.naive_datetime_to_iso_days(year, month, day, 0, 0, 0, {0, 0})
  end

  @doc "The day of the week, from 1 (the `starting_on` day: `:default`, Monday in ISO)."
  def day_of_week(date, starting_on \\ :default)

  def day_of_week(%{calendar: calendar, year: year, month: month, day: day}, starting_on) do
    {day_of_week, _first, _last} = calendar.day_of_week(year, month, day, starting_on)
    day_of_week
  end

  @doc "The first day of the date's week (weeks start on `starting_on`)."
  def beginning_of_week(date, starting_on \\ :default)

  def beginning_of_week(%{calendar: calendar, year: year, month: month, day: day} = date, starting_on) do
    {day_of_week, first, _last} = calendar.day_of_week(year, month, day, starting_on)
    add(to_date(date), first - day_of_week)
  end

  @doc "The last day of the date's week (weeks start on `starting_on`)."
  def end_of_week(date, starting_on \\ :default)

  def end_of_week(%{calendar: calendar, year: year, month: month, day: day} = date, starting_on) do
    {day_of_week, _first, last} = calendar.day_of_week(year, month, day, starting_on)
    add(to_date(date), last - day_of_week)
  end

  @doc "The first day of the date's month."
  def beginning_of_month(%{calendar: calendar, year: year, month: month}) do
    %Date{calendar: calendar, year: year, month: month, day: 1}
  end

  @doc "The last day of the date's month."
  def end_of_month(%{calendar: calendar, year: year, month: month}) do
    %Date{calendar: calendar, year: year, month: month, day: calendar.days_in_month(year, month)}
  end

  @doc "The day of the year, from 1."
  def day_of_year(%{calendar: calendar, year: year, month: month, day: day}) do
    calendar.day_of_year(year, month, day)
  end

  @doc "The quarter of the year the date is in."
  def quarter_of_year(%{calendar: calendar, year: year, month: month, day: day}) do
    calendar.quarter_of_year(year, month, day)
  end

  @doc "`{year, era}`: the year counted within its era."
  def year_of_era(%{calendar: calendar, year: year, month: month, day: day}) do
    calendar.year_of_era(year, month, day)
  end

  @doc "`{day, era}`: the day counted within its era."
  def day_of_era(%{calendar: calendar, year: year, month: month, day: day}) do
    calendar.day_of_era(year, month, day)
  end
end
