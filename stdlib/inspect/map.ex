defimpl Inspect, for: Map do
  import Inspect.Algebra

  # `%{a: 1}` when every key is an atom that is not an alias, else
  # `%{key => value}`; entries in `Map.to_list/1`'s order.
  def inspect(map, opts) do
    list = Map.to_list(map)
    fun =
      if Inspect.List.keyword?(list) do
        &Inspect.List.keyword/2
      else
        arrow = color(" => ", :map, opts)
        &pair(&1, &2, arrow)
      end

    container(list, "", opts, fun)
  end

  @doc false
  # A struct as `%name{field: value, ...}`, for the fields of `infos`
  # (maps with a `:field`, as `__info__(:struct)` lists them).
  def inspect(map, name, infos, opts) do
    fun = fn %{field: field}, opts -> Inspect.List.keyword({field, Map.get(map, field)}, opts) end
    container(infos, name, opts, fun)
  end

  defp pair({key, value}, opts, arrow), do: concat(concat(to_doc(key, opts), arrow), to_doc(value, opts))

  defp container(list, name, opts, fun) do
    open = color("%" <> name <> "{", :map, opts)
    sep = color(",", :map, opts)
    close = color("}", :map, opts)
    container_doc(open, list, close, opts, fun, separator: sep, break: :strict)
  end
end
