defimpl Inspect, for: Version do
  # As `@derive {Inspect, optional: [:pre, :build]}`: `pre` and `build` are
  # shown only when they differ from their defaults (`[]`, `nil`).
  def inspect(%Version{pre: pre, build: build} = version, opts) do
    infos =
      for %{field: field} = info <- Version.__info__(:struct),
          (field != :pre or pre != []) and (field != :build or build != nil),
          do: info

    Inspect.Map.inspect(version, "Version", infos, opts)
  end
end
