defmodule Access do
  def get(nil, _key), do: nil
  def get(map, key) when is_map(map), do: Map.get(map, key)
  def get(list, key) when is_list(list), do: Keyword.get(list, key)
end
