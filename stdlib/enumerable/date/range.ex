defimpl Enumerable, for: Date.Range do
  # Walks the range in ISO days, turning each back into a date of the
  # range's calendar.

  def member?(%{first: %{calendar: calendar}} = range, %Date{calendar: calendar} = date) do
    %{first_in_iso_days: first, last_in_iso_days: last, step: step} = range
    {days, _} = Date.to_iso_days(date)

    cond do
      empty?(range) -> {:ok, false}
      first <= last -> {:ok, first <= days and days <= last and rem(days - first, step) == 0}
      true -> {:ok, last <= days and days <= first and rem(days - first, step) == 0}
    end
  end

  def member?(_range, _other), do: {:ok, false}

  def count(range), do: {:ok, size(range)}

  def slice(%{first: %{calendar: calendar}, first_in_iso_days: first, step: step} = range) do
    {:ok, size(range),
     fn start, amount, slice_step -> dates(first + start * step, step * slice_step, amount, calendar) end}
  end

  def reduce(%{first: %{calendar: calendar}} = range, acc, fun) do
    %{first_in_iso_days: first, last_in_iso_days: last, step: step} = range
    reduce(first, last, acc, fun, step, calendar)
  end

  defp reduce(_first, _last, {:halt, acc}, _fun, _step, _calendar), do: {:halted, acc}

  defp reduce(first, last, {:suspend, acc}, fun, step, calendar) do
    {:suspended, acc, &reduce(first, last, &1, fun, step, calendar)}
  end

  defp reduce(first, last, {:cont, acc}, fun, step, calendar)
       when (step > 0 and first <= last) or (step < 0 and first >= last) do
    reduce(first + step, last, fun.(date(first, calendar), acc), fun, step, calendar)
  end

  defp reduce(_first, _last, {:cont, acc}, _fun, _step, _calendar), do: {:done, acc}

  defp empty?(%{first_in_iso_days: first, last_in_iso_days: last, step: step}) do
    (step > 0 and first > last) or (step < 0 and first < last)
  end

  defp size(%{first_in_iso_days: first, last_in_iso_days: last, step: step} = range) do
    if empty?(range), do: 0, else: div(last - first, step) + 1
  end

  defp dates(_days, _step, 0, _calendar), do: []

  defp dates(days, step, n, calendar) do
    [date(days, calendar) | dates(days + step, step, n - 1, calendar)]
  end

  defp date(days, Calendar.ISO) do
    {year, month, day} = Calendar.ISO.date_from_iso_days(days)
    %Date{calendar: Calendar.ISO, year: year, month: month, day: day}
  end

  defp date(days, calendar) do
    {year, month, day, _, _, _, _} = calendar.naive_datetime_from_iso_days({days, {0, 86_400_000_000}})
    %Date{calendar: calendar, year: year, month: month, day: day}
  end
end
