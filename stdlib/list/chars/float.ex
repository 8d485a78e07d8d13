defimpl List.Chars, for: Float do
  def to_charlist(term), do: Kernel.to_charlist(term)
end
