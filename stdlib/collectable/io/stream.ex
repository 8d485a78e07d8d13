defimpl Collectable, for: IO.Stream do
  # Each element is written to the device as it comes; the result is the stream.
  def into(%IO.Stream{device: device, raw: raw} = stream) do
    fun = fn
      :ok, {:cont, x} -> if raw, do: IO.binwrite(device, x), else: IO.write(device, x)
      :ok, :done -> stream
      :ok, :halt -> :ok
    end

    {:ok, fun}
  end
end
