defimpl Collectable, for: MapSet do
  def into(%MapSet{map: map} = map_set) do
    fun = fn
      acc, {:cont, value} -> Map.put(acc, value, [])
      acc, :done -> %{map_set | map: acc}
      _acc, :halt -> :ok
    end

    {map, fun}
  end
end
