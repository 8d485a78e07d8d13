defmodule Map do
  def update(map, key, default, fun) do
    case Map.fetch(map, key) do
      {:ok, v} -> Map.put(map, key, fun.(v))
      :error -> Map.put(map, key, default)
    end
  end
  @doc "The struct's fields as a plain map (a module: its default struct's)."
  def from_struct(module) when is_atom(module), do: from_struct(module.__struct__())
  def from_struct(%_{} = struct), do: Map.delete(struct, :__struct__)

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
