defimpl String.Chars, for: Time do
  def to_string(value), do: Time.to_string(value)
end
