defimpl Inspect, for: NaiveDateTime do
  # `~N[2000-01-01 23:00:07]`.
  def inspect(%{calendar: calendar} = naive_datetime, _opts) do
    %{year: year, month: month, day: day} = naive_datetime
    %{hour: hour, minute: minute, second: second, microsecond: microsecond} = naive_datetime

    formatted =
      calendar.naive_datetime_to_string(year, month, day, hour, minute, second, microsecond)

    "~N[" <> formatted <> calendar_suffix(calendar) <> "]"
  end

  defp calendar_suffix(Calendar.ISO), do: ""
  defp calendar_suffix(calendar), do: " " <> Kernel.inspect(calendar)
end
