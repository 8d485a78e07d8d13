defimpl Collectable, for: HashDict do
  def into(original) do
    fun = fn
      dict, {:cont, {key, value}} -> HashDict.put(dict, key, value)
      dict, :done -> dict
      _dict, :halt -> :ok
    end

    {original, fun}
  end
end
