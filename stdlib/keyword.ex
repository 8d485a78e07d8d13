defmodule Keyword do
  def get(list, key, default \\ nil) do
    case :lists.keyfind(key, 1, list) do
      {_, v} -> v
      false -> default
    end
  end
  def fetch(list, key) do
    case :lists.keyfind(key, 1, list) do
      {_, v} -> {:ok, v}
      false -> :error
    end
  end
  def fetch!(list, key) do
    case :lists.keyfind(key, 1, list) do
      {_, v} -> v
      false -> raise KeyError, key: key, term: list
    end
  end
  def has_key?(list, key), do: :lists.keyfind(key, 1, list) != false
  def keys(list), do: Enum.map(list, fn {k, _} -> k end)
  def values(list), do: Enum.map(list, fn {_, v} -> v end)
  def put(list, key, value), do: [{key, value} | delete(list, key)]
  def delete(list, key), do: Enum.reject(list, fn {k, _} -> k == key end)
  def merge(a, b), do: Enum.reduce(b, a, fn {k, v}, acc -> put(acc, k, v) end) |> Enum.reverse() |> Enum.reverse()
end
