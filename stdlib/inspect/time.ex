defimpl Inspect, for: Time do
  # `~T[23:00:07.001]`, the microseconds to their precision.
  def inspect(%{calendar: calendar} = time, _opts) do
    %{hour: hour, minute: minute, second: second, microsecond: microsecond} = time
    "~T[" <> calendar.time_to_string(hour, minute, second, microsecond) <> calendar_suffix(calendar) <> "]"
  end

  defp calendar_suffix(Calendar.ISO), do: ""
  defp calendar_suffix(calendar), do: " " <> Kernel.inspect(calendar)
end
