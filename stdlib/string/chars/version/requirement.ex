defimpl String.Chars, for: Version.Requirement do
  # The requirement as it was written.
  def to_string(%Version.Requirement{source: source}), do: source
end
