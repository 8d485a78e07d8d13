defimpl Inspect, for: DateTime do
  # `~U[2000-01-01 23:00:07Z]` in Etc/UTC at offset zero (what the sigil
  # builds); any other: `#DateTime<2000-01-01 23:00:07+01:00 CET Europe/Paris>`.
  def inspect(%{calendar: calendar} = datetime, _opts) do
    %{year: year, month: month, day: day, hour: hour, minute: minute, second: second} = datetime
    %{microsecond: microsecond, time_zone: time_zone, zone_abbr: zone_abbr} = datetime
    %{utc_offset: utc_offset, std_offset: std_offset} = datetime

    formatted =
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

    case datetime do
      %{utc_offset: 0, std_offset: 0, time_zone: "Etc/UTC"} ->
        "~U[" <> formatted <> calendar_suffix(calendar) <> "]"

      _ ->
        "#DateTime<" <> formatted <> calendar_suffix(calendar) <> ">"
    end
  end

  defp calendar_suffix(Calendar.ISO), do: ""
  defp calendar_suffix(calendar), do: " " <> Kernel.inspect(calendar)
end
