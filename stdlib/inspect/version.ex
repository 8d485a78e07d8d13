defimpl Inspect, for: Version do
  # As `@derive {Inspect, optional: [:pre, :build]}`: `pre` and `build` are
  # shown only when they differ from their defaults (`[]`, `nil`). Fields
  # are read as the derived implementation reads them, so a bare
  # `%{__struct__: Version}` shows its missing fields as nil.
  def inspect(version, opts) do
    fields = for %{field: field} <- Version.__info__(:struct), do: field
    infos = Inspect.Any.__shown__(Version.__info__(:struct), version, fields, %{pre: [], build: nil})
    Inspect.Map.inspect(version, "Version", infos, opts)
  end
end
