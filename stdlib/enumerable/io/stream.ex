defimpl Enumerable, for: IO.Stream do
  # Reads one element at a time (IO.each_stream/2, IO.each_binstream/2)
  # until the device says `:eof`.
  def reduce(%IO.Stream{device: device, raw: raw, line_or_bytes: line_or_bytes}, acc, fun) do
    next =
      if raw,
        do: fn device -> IO.each_binstream(device, line_or_bytes) end,
        else: fn device -> IO.each_stream(device, line_or_bytes) end

    do_reduce(device, next, acc, fun)
  end

  defp do_reduce(_device, _next, {:halt, acc}, _fun), do: {:halted, acc}

  defp do_reduce(device, next, {:suspend, acc}, fun),
    do: {:suspended, acc, &do_reduce(device, next, &1, fun)}

  defp do_reduce(device, next, {:cont, acc}, fun) do
    case next.(device) do
      {[data], device} -> do_reduce(device, next, fun.(data, acc), fun)
      {:halt, _device} -> {:done, acc}
    end
  end

  def count(_stream), do: {:error, __MODULE__}
  def member?(_stream, _term), do: {:error, __MODULE__}
  def slice(_stream), do: {:error, __MODULE__}
end
