defimpl Collectable, for: List do
  def into(list) do
    fun = fn
      acc, {:cont, x} -> [x | acc]
      acc, :done -> list ++ :lists.reverse(acc)
      _acc, :halt -> :ok
    end

    {[], fun}
  end
end
