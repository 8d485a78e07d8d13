defimpl String.Chars, for: Float do
  def to_string(term), do: Kernel.to_string(term)
end
