defmodule Time do
  @moduledoc """
  A time of day: `%Time{hour:, minute:, second:, microsecond:, calendar:}`
  (`~T[23:00:07.001]`). `microsecond` is `{value, precision}`: how many of
  its 6 digits are shown.

  The functions take any map with the time fields and a calendar (a
  `NaiveDateTime` or a `DateTime` too) and return `Time`s.
  """

  @enforce_keys [:hour, :minute, :second]
  defstruct [:hour, :minute, :second, microsecond: {0, 0}, calendar: Calendar.ISO]

  @parts_per_day 86_400_000_000
  @seconds_per_day 86_400

  @doc "The time now, in UTC, to the microsecond."
  def utc_now(calendar \\ Calendar.ISO) do
    {:ok, _date, {hour, minute, second}, microsecond} =
      Calendar.ISO.from_unix(System.os_time(:microsecond), :microsecond)

    convert!(
      %Time{hour: hour, minute: minute, second: second, microsecond: microsecond},
      calendar
    )
  end

  @doc """
  `{:ok, time}`, or `{:error, :invalid_time}`; `microsecond` is
  `{value, precision}` or an integer (precision 6).
  """
  def new(hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def new(hour, minute, second, microsecond, calendar) when is_integer(microsecond) do
    new(hour, minute, second, {microsecond, 6}, calendar)
  end

  def new(hour, minute, second, {microsecond, precision}, calendar)
      when is_integer(hour) and is_integer(minute) and is_integer(second) and
             is_integer(microsecond) and is_integer(precision) do
    if calendar.valid_time?(hour, minute, second, {microsecond, precision}) do
      {:ok,
       %Time{
         hour: hour,
         minute: minute,
         second: second,
         microsecond: {microsecond, precision},
         calendar: calendar
       }}
    else
      {:error, :invalid_time}
    end
  end

  @doc "As `new/5`, raising `ArgumentError`."
  def new!(hour, minute, second, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    case new(hour, minute, second, microsecond, calendar) do
      {:ok, time} -> time
      {:error, reason} -> raise ArgumentError, "cannot build time, reason: #{inspect(reason)}"
    end
  end

  @doc "The time as its calendar writes it (`23:00:07.001` in ISO)."
  def to_string(%{hour: hour, minute: minute, second: second, microsecond: microsecond, calendar: calendar}) do
    calendar.time_to_string(hour, minute, second, microsecond)
  end

  @doc "`{:ok, time}` from an ISO 8601 time (`23:50:07`, `T23:50:07.123Z`), converted to `calendar`."
  def from_iso8601(string, calendar \\ Calendar.ISO) do
    with {:ok, {hour, minute, second, microsecond}} <- Calendar.ISO.parse_time(string) do
      convert(
        %Time{hour: hour, minute: minute, second: second, microsecond: microsecond},
        calendar
      )
    end
  end

  @doc "As `from_iso8601/2`, raising `ArgumentError`."
  def from_iso8601!(string, calendar \\ Calendar.ISO) do
    case from_iso8601(string, calendar) do
      {:ok, value} ->
        value

      {:error, reason} ->
        raise ArgumentError, "cannot parse #{inspect(string)} as time, reason: #{inspect(reason)}"
    end
  end

  @doc "The time in ISO 8601: `:extended` (`23:00:13.001`) or `:basic` (`230013.001`)."
  def to_iso8601(time, format \\ :extended)

  def to_iso8601(%{calendar: Calendar.ISO} = time, format) when format in [:extended, :basic] do
    %{hour: hour, minute: minute, second: second, microsecond: microsecond} = time
    Calendar.ISO.time_to_string(hour, minute, second, microsecond, format)
  end

  def to_iso8601(%{calendar: _} = time, format) when format in [:extended, :basic] do
    time |> convert!(Calendar.ISO) |> to_iso8601(format)
  end

  @doc "The time as Erlang's `{hour, minute, second}` (in ISO; microseconds dropped)."
  def to_erl(time) do
    %{hour: hour, minute: minute, second: second} = convert!(time, Calendar.ISO)
    {hour, minute, second}
  end

  @doc "`{:ok, time}` from Erlang's `{hour, minute, second}`, converted to `calendar`."
  def from_erl(tuple, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)

  def from_erl({hour, minute, second}, microsecond, calendar) do
    with {:ok, time} <- new(hour, minute, second, microsecond, Calendar.ISO) do
      convert(time, calendar)
    end
  end

  @doc "As `from_erl/3`, raising `ArgumentError`."
  def from_erl!(tuple, microsecond \\ {0, 0}, calendar \\ Calendar.ISO) do
    case from_erl(tuple, microsecond, calendar) do
      {:ok, value} ->
        value

      {:error, reason} ->
        raise ArgumentError, "cannot convert #{inspect(tuple)} to time, reason: #{inspect(reason)}"
    end
  end

  @doc "The time `seconds` after midnight (taken modulo a day)."
  def from_seconds_after_midnight(seconds, microsecond \\ {0, 0}, calendar \\ Calendar.ISO)
      when is_integer(seconds) do
    in_day = Integer.mod(seconds, @seconds_per_day)

    {hour, minute, second, {_, _}} =
      calendar.time_from_day_fraction({in_day, @seconds_per_day})

    %Time{hour: hour, minute: minute, second: second, microsecond: microsecond, calendar: calendar}
  end

  @doc "`{seconds, microseconds}` since midnight."
  def to_seconds_after_midnight(%{microsecond: {microsecond, _precision}} = time) do
    parts = to_microseconds(time)
    {div(parts - microsecond, 1_000_000), microsecond}
  end

  @doc """
  The time `amount` `unit`s later (earlier when negative), wrapping around
  midnight; `unit` is `:hour`, `:minute` or a time unit. The precision
  stays the time's.
  """
  def add(%{calendar: calendar, microsecond: {_, precision}} = time, amount, unit \\ :second)
      when is_integer(amount) do
    added = to_microseconds(time) + amount_to_microseconds(amount, unit)
    in_day = Integer.mod(added, @parts_per_day)

    {hour, minute, second, {microsecond, _}} =
      calendar.time_from_day_fraction({in_day, @parts_per_day})

    %Time{
      hour: hour,
      minute: minute,
      second: second,
      microsecond: {microsecond, precision},
      calendar: calendar
    }
  end

  defp amount_to_microseconds(amount, :hour), do: amount * 3_600_000_000
  defp amount_to_microseconds(amount, :minute), do: amount * 60_000_000
  defp amount_to_microseconds(amount, unit), do: System.convert_time_unit(amount, unit, :microsecond)

  @doc "`:lt`, `:eq` or `:gt`: how the times of day are ordered (dates ignored)."
  def compare(time1, time2) do
    case {to_microseconds(time1), to_microseconds(time2)} do
      {first, second} when first > second -> :gt
      {first, second} when first < second -> :lt
      _ -> :eq
    end
  end

  @doc "`{:ok, time}` in `calendar`."
  def convert(%{calendar: calendar, hour: hour, minute: minute, second: second, microsecond: microsecond}, calendar) do
    {:ok,
     %Time{calendar: calendar, hour: hour, minute: minute, second: second, microsecond: microsecond}}
  end

  def convert(%{microsecond: {_, precision}} = time, calendar) do
    {hour, minute, second, {microsecond, _}} =
      calendar.time_from_day_fraction({to_microseconds(time), @parts_per_day})

    {:ok,
     %Time{
       calendar: calendar,
       hour: hour,
       minute: minute,
       second: second,
       microsecond: {microsecond, precision}
     }}
  end

  @doc "As `convert/2`, raising `ArgumentError`."
  def convert!(time, calendar) do
    case convert(time, calendar) do
      {:ok, value} ->
        value

      {:error, reason} ->
        raise ArgumentError,
              "cannot convert #{inspect(time)} to target calendar #{inspect(calendar)}, reason: #{inspect(reason)}"
    end
  end

  @doc """
  How much later `time1` is than `time2`, in `unit` (`:hour`, `:minute` or a
  time unit; each time is counted in whole units before subtracting).
  """
  def diff(time1, time2, unit \\ :second)

  def diff(time1, time2, :hour), do: div(diff(time1, time2, :second), 3600)
  def diff(time1, time2, :minute), do: div(diff(time1, time2, :second), 60)

  def diff(%{calendar: _} = time1, %{calendar: _} = time2, unit) do
    System.convert_time_unit(to_microseconds(time1), :microsecond, unit) -
      System.convert_time_unit(to_microseconds(time2), :microsecond, unit)
  end

  @doc "The time with its microseconds cut to `precision` (`:microsecond`, `:millisecond`, `:second`)."
  def truncate(%{microsecond: microsecond} = time, precision) do
    %{time | microsecond: Calendar.truncate(microsecond, precision)}
  end

  # Microseconds since midnight.
  defp to_microseconds(%{calendar: Calendar.ISO, hour: h, minute: m, second: s, microsecond: {us, _}}) do
    ((h * 60 + m) * 60 + s) * 1_000_000 + us
  end

  defp to_microseconds(%{calendar: calendar, hour: h, minute: m, second: s, microsecond: us}) do
    {parts, ppd} = calendar.time_to_day_fraction(h, m, s, us)
    div(parts * @parts_per_day, ppd)
  end
end
