defimpl Collectable, for: HashSet do
  def into(original) do
    fun = fn
      set, {:cont, term} -> HashSet.put(set, term)
      set, :done -> set
      _set, :halt -> :ok
    end

    {original, fun}
  end
end
