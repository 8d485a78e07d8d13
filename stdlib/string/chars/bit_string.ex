defimpl String.Chars, for: BitString do
  def to_string(term), do: Kernel.to_string(term)
end
