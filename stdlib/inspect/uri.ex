defimpl Inspect, for: URI do
  # As `@derive {Inspect, optional: [:authority]}`: the deprecated
  # `authority` is shown only when it is set. Fields are read as the derived
  # implementation reads them, so a bare `%{__struct__: URI}` shows its
  # missing fields as nil.
  def inspect(uri, opts) do
    fields = for %{field: field} <- URI.__info__(:struct), do: field
    infos = Inspect.Any.__shown__(URI.__info__(:struct), uri, fields, %{authority: nil})
    Inspect.Map.inspect(uri, "URI", infos, opts)
  end
end
