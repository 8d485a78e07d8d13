defimpl Enumerable, for: Range do
  def count(range), do: {:ok, Range.size(range)}

  def member?(%{first: first, last: last} = range, x) when is_integer(x) do
    step = step(range)

    cond do
      step > 0 and x >= first and x <= last -> {:ok, rem(x - first, step) == 0}
      step < 0 and x <= first and x >= last -> {:ok, rem(x - first, step) == 0}
      true -> {:ok, false}
    end
  end

  def member?(_range, _x), do: {:ok, false}

  # The slicing function takes (start, amount, step): `amount` integers from
  # the `start`th, going on by `step + slice_step - 1` as Elixir 1.14 does
  # (every `slice_step`th element only when the range steps by one: 1.14's
  # `Enum.slice(1..10//3, 1..10//2)` is `[4, 8]`, and beamlet prints what
  # Elixir prints).
  def slice(%{first: first} = range) do
    step = step(range)

    {:ok, Range.size(range),
     fn start, amount, slice_step -> slice_list(first + start * step, step + slice_step - 1, amount) end}
  end

  defp slice_list(_current, _step, 0), do: []
  defp slice_list(current, step, n), do: [current | slice_list(current + step, step, n - 1)]

  def reduce(%{first: first, last: last} = range, acc, fun) do
    reduce(first, last, acc, fun, step(range))
  end

  # A range made before steps existed (`%{__struct__: Range, first:, last:}`) steps by one.
  defp step(%{step: step}), do: step
  defp step(%{first: first, last: last}) when first <= last, do: 1
  defp step(_), do: -1

  defp reduce(_first, _last, {:halt, acc}, _fun, _step), do: {:halted, acc}

  defp reduce(first, last, {:suspend, acc}, fun, step) do
    {:suspended, acc, &reduce(first, last, &1, fun, step)}
  end

  defp reduce(first, last, {:cont, acc}, fun, step)
       when (step > 0 and first <= last) or (step < 0 and first >= last) do
    reduce(first + step, last, fun.(first, acc), fun, step)
  end

  defp reduce(_, _, {:cont, acc}, _fun, _up), do: {:done, acc}
end
