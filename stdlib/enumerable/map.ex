defimpl Enumerable, for: Map do
  def count(map), do: {:ok, map_size(map)}

  def member?(map, {key, value}) do
    case map do
      %{^key => ^value} -> {:ok, true}
      _ -> {:ok, false}
    end
  end

  def member?(_map, _other), do: {:ok, false}

  def slice(map), do: {:ok, map_size(map), &Map.to_list/1}

  def reduce(map, acc, fun), do: Enumerable.List.reduce(Map.to_list(map), acc, fun)
end
