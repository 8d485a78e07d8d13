defimpl Inspect, for: Macro.Env do
  # `#Macro.Env<...>`, without its `tracers` and `versioned_vars`.
  def inspect(env, opts) do
    infos =
      for %{field: field} = info <- Macro.Env.__info__(:struct),
          field not in [:tracers, :versioned_vars],
          do: info

    Inspect.Any.inspect(env, "Macro.Env", infos, opts)
  end
end
