defimpl Enumerable, for: Stream do
  # A stream can say nothing without running: count, member? and slice
  # reduce it (Enum falls back to reduce/3).
  def count(_stream), do: {:error, __MODULE__}
  def member?(_stream, _value), do: {:error, __MODULE__}
  def slice(_stream), do: {:error, __MODULE__}

  def reduce(stream, acc, fun), do: Stream.__reduce__(stream, acc, fun)
end
