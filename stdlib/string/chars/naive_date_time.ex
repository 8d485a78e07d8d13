defimpl String.Chars, for: NaiveDateTime do
  def to_string(value), do: NaiveDateTime.to_string(value)
end
