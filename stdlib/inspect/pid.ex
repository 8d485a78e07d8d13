defimpl Inspect, for: PID do
  # The text depends on how the VM represents the pid, so the VM writes it
  # (uncolored, as in Elixir).
  def inspect(term, _opts), do: :beamlet.inspect_fast(term, [], :infinity)
end
