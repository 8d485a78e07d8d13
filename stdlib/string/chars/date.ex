defimpl String.Chars, for: Date do
  def to_string(value), do: Date.to_string(value)
end
