defimpl String.Chars, for: Atom do
  def to_string(term), do: Kernel.to_string(term)
end
