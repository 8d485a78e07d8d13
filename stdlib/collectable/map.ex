defimpl Collectable, for: Map do
  def into(map) do
    fun = fn
      acc, {:cont, {key, value}} -> Map.put(acc, key, value)
      _acc, {:cont, other} -> raise ArgumentError, "collecting into a map requires {key, value} tuples, got: #{inspect(other)}"
      acc, :done -> acc
      _acc, :halt -> :ok
    end

    {map, fun}
  end
end
