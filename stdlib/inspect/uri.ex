defimpl Inspect, for: URI do
  # As `@derive {Inspect, optional: [:authority]}`: the deprecated
  # `authority` is shown only when it is set.
  def inspect(%URI{authority: authority} = uri, opts) do
    infos =
      for %{field: field} = info <- URI.__info__(:struct),
          field != :authority or authority != nil,
          do: info

    Inspect.Map.inspect(uri, "URI", infos, opts)
  end
end
