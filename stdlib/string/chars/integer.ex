defimpl String.Chars, for: Integer do
  def to_string(term), do: Kernel.to_string(term)
end
