defimpl Collectable, for: BitString do
  # Into a binary: the pieces are kept as a list and joined at the end
  # (bitstrings of any size allowed); into a bitstring of another size, each
  # piece is appended as it comes.
  def into(binary) when is_binary(binary) do
    fun = fn
      acc, {:cont, x} when is_bitstring(x) -> [acc, x]
      acc, :done -> finish(acc)
      _acc, :halt -> :ok
    end

    {[binary], fun}
  end

  def into(bitstring) do
    fun = fn
      acc, {:cont, x} when is_bitstring(x) -> <<acc::bitstring, x::bitstring>>
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {bitstring, fun}
  end

  defp finish(acc) do
    pieces = List.flatten(acc)

    if Enum.all?(pieces, &is_binary/1) do
      IO.iodata_to_binary(pieces)
    else
      Enum.reduce(pieces, <<>>, fn x, all -> <<all::bitstring, x::bitstring>> end)
    end
  end
end
