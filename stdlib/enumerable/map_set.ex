defimpl Enumerable, for: MapSet do
  def count(map_set), do: {:ok, MapSet.size(map_set)}
  def member?(map_set, value), do: {:ok, MapSet.member?(map_set, value)}

  def slice(map_set) do
    {:ok, MapSet.size(map_set), &Enum.slice(MapSet.to_list(map_set), &1, &2)}
  end

  def reduce(map_set, acc, fun), do: Enumerable.List.reduce(MapSet.to_list(map_set), acc, fun)
end
