defmodule Calendar do
  @moduledoc """
  What the calendar types share: the calendar a date or time is in (a
  module such as `Calendar.ISO`), the time zone database (`:time_zone_database`,
  `Calendar.UTCOnlyTimeZoneDatabase` unless put), microsecond truncation and
  `strftime/3`.

  beamlet keeps the time zone database `put_time_zone_database/1` sets in
  the calling process's dictionary (there is no application environment);
  other processes see the default.
  """

  @type calendar :: module
  @type year :: integer
  @type month :: pos_integer
  @type day :: pos_integer
  @type hour :: non_neg_integer
  @type minute :: non_neg_integer
  @type second :: non_neg_integer
  @type microsecond :: {non_neg_integer, non_neg_integer}
  @type time_zone :: String.t()
  @type zone_abbr :: String.t()
  @type utc_offset :: integer
  @type std_offset :: integer
  @type iso_days :: {integer, {non_neg_integer, pos_integer}}

  @doc """
  Whether dates of `calendar` and `other` can be converted into each other
  unambiguously: the same calendar, or days that start at the same moment.
  """
  def compatible_calendars?(calendar, calendar), do: true

  def compatible_calendars?(calendar, other) do
    calendar.day_rollover_relative_to_midnight_utc() ==
      other.day_rollover_relative_to_midnight_utc()
  end

  @doc """
  `microsecond` cut to `precision` (`:microsecond`, `:millisecond` or
  `:second`), never gaining precision.
  """
  def truncate(microsecond_tuple, :microsecond), do: microsecond_tuple

  def truncate({microsecond, precision}, :millisecond) do
    {div(microsecond, 1000) * 1000, min(precision, 3)}
  end

  def truncate(_microsecond_tuple, :second), do: {0, 0}

  @doc "The time zone database of this process (`Calendar.UTCOnlyTimeZoneDatabase` by default)."
  def get_time_zone_database() do
    case Process.get({Calendar, :time_zone_database}) do
      nil -> Calendar.UTCOnlyTimeZoneDatabase
      database -> database
    end
  end

  @doc "Sets the time zone database (for the calling process, in beamlet)."
  def put_time_zone_database(database) do
    Process.put({Calendar, :time_zone_database}, database)
    :ok
  end

  @doc """
  Formats a date, time or datetime (any map with the fields a directive
  reads) as `format` says, with `%` directives:

      %a %A  abbreviated, full day of week    %b %B  abbreviated, full month
      %c     preferred date and time          %d     day of month (2)
      %f     microseconds, as precise as the value (no padding)
      %H     hour, 00-23 (2)                  %I     hour, 01-12 (2)
      %j     day of year (3)                  %m     month (2)
      %M     minute (2)                       %p %P  AM/PM, am/pm
      %q     quarter (1)                      %S     second (2)
      %u     day of week, 1 (Monday)-7 (1)    %x %X  preferred date, time
      %y     year, 2 digits (2)               %Y     year (4)
      %z     UTC offset, +hhmm (4)            %Z     zone abbreviation
      %%     a %

  Between `%` and the letter, an optional padding (`-` none, `0` zeros,
  `_` spaces) and a width: numbers are padded with zeros to the width in
  parentheses, text with spaces. Options: `:preferred_datetime`
  (`"%Y-%m-%d %H:%M:%S"`), `:preferred_date` (`"%Y-%m-%d"`),
  `:preferred_time` (`"%H:%M:%S"`), and functions giving names:
  `:am_pm_names` (`:am`/`:pm`), `:month_names`, `:abbreviated_month_names`
  (1-12), `:day_of_week_names`, `:abbreviated_day_of_week_names` (1-7).
  """
  def strftime(date_or_time_or_datetime, string_format, user_options \\ [])
      when is_map(date_or_time_or_datetime) and is_binary(string_format) do
    options = strftime_options(user_options)

    string_format
    |> format(date_or_time_or_datetime, options, [])
    |> IO.iodata_to_binary()
  end

  @month_names {"January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"}
  @day_names {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

  defp strftime_options(user_options) do
    defaults = %{
      preferred_datetime: "%Y-%m-%d %H:%M:%S",
      preferred_date: "%Y-%m-%d",
      preferred_time: "%H:%M:%S",
      am_pm_names: fn
        :am -> "am"
        :pm -> "pm"
      end,
      month_names: fn month -> elem(@month_names, month - 1) end,
      abbreviated_month_names: fn month -> binary_part(elem(@month_names, month - 1), 0, 3) end,
      day_of_week_names: fn day -> elem(@day_names, day - 1) end,
      abbreviated_day_of_week_names: fn day -> binary_part(elem(@day_names, day - 1), 0, 3) end
    }

    Enum.reduce(user_options, defaults, fn {key, value}, acc ->
      if Map.has_key?(defaults, key) do
        Map.put(acc, key, value)
      else
        raise ArgumentError, "unknown option #{inspect(key)} given to Calendar.strftime/3"
      end
    end)
  end

  # The format, walked once; the result is iodata, in reverse.
  defp format("", _datetime, _options, acc), do: Enum.reverse(acc)

  defp format("%" <> rest, datetime, options, acc) do
    {padding, rest} =
      case rest do
        <<?_, rest::binary>> -> {?\s, rest}
        <<p, rest::binary>> when p in [?-, ?0] -> {p, rest}
        _ -> {nil, rest}
      end

    {width, rest} = width(rest, nil)

    case rest do
      <<directive::utf8, rest::binary>> ->
        piece = directive(directive, datetime, padding, width, options)
        format(rest, datetime, options, [piece | acc])

      _ ->
        raise ArgumentError, "invalid strftime format: %" <> first_char(rest)
    end
  end

  defp format(<<c, rest::binary>>, datetime, options, acc) do
    format(rest, datetime, options, [c | acc])
  end

  defp first_char(<<c::utf8, _::binary>>), do: <<c::utf8>>
  defp first_char(_), do: ""

  defp width(<<d, rest::binary>>, acc) when d >= ?0 and d <= ?9,
    do: width(rest, (acc || 0) * 10 + d - ?0)

  defp width(rest, acc), do: {acc, rest}

  defp directive(?a, dt, padding, width, options) do
    text(options.abbreviated_day_of_week_names.(Date.day_of_week(dt)), padding, width)
  end

  defp directive(?A, dt, padding, width, options) do
    text(options.day_of_week_names.(Date.day_of_week(dt)), padding, width)
  end

  defp directive(?b, dt, padding, width, options) do
    text(options.abbreviated_month_names.(dt.month), padding, width)
  end

  defp directive(?B, dt, padding, width, options) do
    text(options.month_names.(dt.month), padding, width)
  end

  defp directive(?c, dt, padding, width, options),
    do: pad_preferred(preferred(:preferred_datetime, dt, options), padding, width)

  defp directive(?x, dt, padding, width, options),
    do: pad_preferred(preferred(:preferred_date, dt, options), padding, width)

  defp directive(?X, dt, padding, width, options),
    do: pad_preferred(preferred(:preferred_time, dt, options), padding, width)

  defp directive(?d, dt, padding, width, _options), do: number(dt.day, padding, width, 2)

  defp directive(?f, dt, _padding, _width, _options) do
    case dt.microsecond do
      {_microsecond, 0} ->
        "0"

      {microsecond, precision} ->
        us = Integer.to_string(microsecond)
        binary_part(String.duplicate("0", 6 - byte_size(us)) <> us, 0, precision)
    end
  end

  defp directive(?H, dt, padding, width, _options), do: number(dt.hour, padding, width, 2)

  defp directive(?I, dt, padding, width, _options) do
    number(rem(dt.hour + 23, 12) + 1, padding, width, 2)
  end

  defp directive(?j, dt, padding, width, _options), do: number(Date.day_of_year(dt), padding, width, 3)
  defp directive(?m, dt, padding, width, _options), do: number(dt.month, padding, width, 2)
  defp directive(?M, dt, padding, width, _options), do: number(dt.minute, padding, width, 2)

  defp directive(?p, dt, padding, width, options) do
    text(String.upcase(am_pm(dt, options)), padding, width)
  end

  defp directive(?P, dt, padding, width, options) do
    text(String.downcase(am_pm(dt, options)), padding, width)
  end

  defp directive(?q, dt, padding, width, _options) do
    number(Date.quarter_of_year(dt), padding, width, 1)
  end

  defp directive(?S, dt, padding, width, _options), do: number(dt.second, padding, width, 2)
  defp directive(?u, dt, padding, width, _options), do: number(Date.day_of_week(dt), padding, width, 1)
  defp directive(?y, dt, padding, width, _options), do: number(rem(dt.year, 100), padding, width, 2)
  defp directive(?Y, dt, padding, width, _options), do: number(dt.year, padding, width, 4)

  defp directive(?z, %{utc_offset: utc_offset} = dt, padding, width, _options) do
    total = utc_offset + Map.get(dt, :std_offset, 0)
    sign = if total < 0, do: "-", else: "+"
    total = abs(total)
    hhmm = div(total, 3600) * 100 + div(rem(total, 3600), 60)
    [sign | number(hhmm, padding, width, 4)]
  end

  defp directive(?z, _dt, _padding, _width, _options), do: ""

  defp directive(?Z, %{zone_abbr: zone_abbr}, padding, width, _options) do
    text(zone_abbr, padding, width)
  end

  defp directive(?Z, _dt, padding, width, _options), do: text("", padding, width)
  defp directive(?%, _dt, padding, width, _options), do: pad("%", padding || ?0, width || 1)

  defp directive(other, _dt, _padding, _width, _options) do
    raise ArgumentError, "invalid strftime format: %" <> <<other::utf8>>
  end

  defp am_pm(dt, options) do
    options.am_pm_names.(if dt.hour < 12, do: :am, else: :pm)
  end

  # A preferred format, formatted with the same options; it may not use
  # itself.
  defp preferred(key, dt, options) do
    case Map.fetch!(options, key) do
      {:in_use, _format} ->
        raise ArgumentError, "tried to format #{key} within another #{key} format"

      format ->
        format(format, dt, Map.put(options, key, {:in_use, format}), [])
    end
  end

  # A preferred format's width counts the pieces of its result (each
  # directive and each literal character), as Elixir 1.14 does: `%10x`
  # of `"%Y-%m-%d"` (five pieces) puts five zeros before the date.
  defp pad_preferred(pieces, ?-, _width), do: pieces
  defp pad_preferred(pieces, _padding, nil), do: pieces

  defp pad_preferred(pieces, padding, width) do
    missing = width - length(pieces)
    if missing > 0, do: [List.duplicate(padding || ?0, missing) | pieces], else: pieces
  end

  defp number(n, padding, width, default_width) do
    pad(Integer.to_string(n), padding || ?0, width || default_width)
  end

  defp text(string, padding, width), do: pad(string, padding || ?\s, width || 0)

  # Padded on the left to `width` bytes with `padding` (`-`: never).
  defp pad(string, ?-, _width), do: string

  defp pad(string, padding, width) do
    missing = width - byte_size(string)
    if missing > 0, do: String.duplicate(<<padding>>, missing) <> string, else: string
  end
end
