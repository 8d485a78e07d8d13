defimpl Collectable, for: BitString do
  def into(binary) when is_binary(binary) do
    fun = fn
      acc, {:cont, x} when is_binary(x) -> [acc | x]
      _acc, {:cont, x} -> raise ArgumentError, "collecting into a binary requires a bitstring, got: #{inspect(x)}"
      acc, :done -> IO.iodata_to_binary(acc)
      _acc, :halt -> :ok
    end

    {[binary], fun}
  end
end
