defimpl Inspect, for: Reference do
  # The text depends on how the VM represents the reference, so the VM writes it
  # (uncolored, as in Elixir).
  def inspect(term, _opts), do: :beamlet.inspect_fast(term, [], :infinity)
end
