defimpl Inspect, for: Date do
  # `~D[2000-01-01]`; a calendar other than Calendar.ISO is named inside
  # the brackets (`~D[... Calendar.Holocene]`), as the sigil reads it.
  def inspect(%{calendar: calendar, year: year, month: month, day: day}, _opts) do
    "~D[" <> calendar.date_to_string(year, month, day) <> calendar_suffix(calendar) <> "]"
  end

  defp calendar_suffix(Calendar.ISO), do: ""
  defp calendar_suffix(calendar), do: " " <> Kernel.inspect(calendar)
end
