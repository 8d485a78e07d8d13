defimpl Enumerable, for: HashDict do
  def reduce(dict, acc, fun), do: HashDict.reduce(dict, acc, fun)

  def member?(dict, {key, value}), do: {:ok, match?({:ok, ^value}, HashDict.fetch(dict, key))}
  def member?(_dict, _other), do: {:ok, false}

  def count(dict), do: {:ok, HashDict.size(dict)}
  def slice(_dict), do: {:error, __MODULE__}
end
