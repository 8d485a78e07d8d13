defmodule Map do
  def update(map, key, default, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, fun.(v))
      :error -> Map.put(map, key, default)
    end
  end
  def update!(map, key, fun), do: Map.put(map, key, fun.(Map.fetch!(map, key)))
  def new(enum), do: Map.from_list(Enum.to_list(enum))
  def new(enum, fun), do: Map.from_list(Enum.map(enum, fun))
  def filter(map, fun), do: Map.from_list(Enum.filter(Map.to_list(map), fun))
  def reject(map, fun), do: Map.from_list(Enum.reject(Map.to_list(map), fun))
  def get_lazy(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> v
      :error -> fun.()
    end
  end
end
