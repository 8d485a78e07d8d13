defimpl List.Chars, for: List do
  def to_charlist(term), do: Kernel.to_charlist(term)
end
