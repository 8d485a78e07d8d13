defimpl Collectable, for: BitString do
  # The pieces are kept, last first, and joined at the end: as iodata when
  # all are binaries (linear), else appended bit by bit. A piece that is
  # not a bitstring matches no clause (a FunctionClauseError), as in Elixir.
  def into(original) when is_bitstring(original) do
    fun = fn
      pieces, {:cont, piece} when is_bitstring(piece) -> [piece | pieces]
      pieces, :done -> join(:lists.reverse(pieces))
      _pieces, :halt -> :ok
    end

    {[original], fun}
  end

  defp join(pieces) do
    if all_binaries?(pieces),
      do: IO.iodata_to_binary(pieces),
      else: Enum.reduce(pieces, <<>>, fn piece, acc -> <<acc::bits, piece::bits>> end)
  end

  defp all_binaries?([piece | rest]) when is_binary(piece), do: all_binaries?(rest)
  defp all_binaries?([]), do: true
  defp all_binaries?(_), do: false
end
