defimpl List.Chars, for: BitString do
  def to_charlist(term), do: Kernel.to_charlist(term)
end
