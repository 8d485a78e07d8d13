defimpl String.Chars, for: DateTime do
  def to_string(value), do: DateTime.to_string(value)
end
