defimpl List.Chars, for: Integer do
  def to_charlist(term), do: Kernel.to_charlist(term)
end
