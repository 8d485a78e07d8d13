defimpl String.Chars, for: Version do
  def to_string(version), do: Version.to_string(version)
end
