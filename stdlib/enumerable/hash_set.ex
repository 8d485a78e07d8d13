defimpl Enumerable, for: HashSet do
  def reduce(set, acc, fun), do: HashSet.reduce(set, acc, fun)
  def member?(set, term), do: {:ok, HashSet.member?(set, term)}
  def count(set), do: {:ok, HashSet.size(set)}
  def slice(_set), do: {:error, __MODULE__}
end
