defimpl Inspect, for: Version.Requirement do
  # A requirement prints as the call that builds it.
  def inspect(%Version.Requirement{source: source}, opts) do
    Inspect.Algebra.concat(["Version.parse_requirement!(", Inspect.BitString.inspect(source, opts), ")"])
  end
end
