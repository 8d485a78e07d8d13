defimpl String.Chars, for: List do
  def to_string(term), do: Kernel.to_string(term)
end
