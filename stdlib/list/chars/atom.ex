defimpl List.Chars, for: Atom do
  def to_charlist(term), do: Kernel.to_charlist(term)
end
