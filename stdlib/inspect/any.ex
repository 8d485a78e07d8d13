defimpl Inspect, for: Any do
  import Inspect.Algebra

  @doc """
  `@derive Inspect` / `@derive {Inspect, only: fields, except: fields,
  optional: fields}`: defines `Inspect.Module` showing only the chosen
  fields, in `defstruct` order. When some are hidden it prints as
  `#Name<shown: 1, ...>`, else as `%Name{...}`; an `optional` field is
  left out while it holds its default value.
  """
  defmacro __deriving__(module, struct, options) do
    fields = struct |> Map.keys() |> Enum.sort() |> Kernel.--([:__exception__, :__struct__])
    only = Keyword.get(options, :only, fields)
    except = Keyword.get(options, :except, [])
    optional = Keyword.get(options, :optional, [])

    check_fields!(:only, only, fields, module)
    check_fields!(:except, except, fields, module)
    check_fields!(:optional, optional, fields, module)

    shown = Enum.filter(fields, &(&1 in only and &1 not in except))
    inspect_module = if fields == Enum.sort(only) and except == [], do: Inspect.Map, else: Inspect.Any
    defaults = Map.take(struct, optional)

    quote do
      defimpl Inspect, for: unquote(module) do
        def inspect(struct, opts) do
          infos =
            Inspect.Any.__shown__(
              unquote(module).__info__(:struct),
              struct,
              unquote(shown),
              unquote(Macro.escape(defaults))
            )

          name = :beamlet.inspect_atom(:literal, unquote(module))
          unquote(inspect_module).inspect(struct, name, infos, opts)
        end
      end
    end
  end

  defp check_fields!(option, given, fields, module) do
    case given -- fields do
      [] ->
        :ok

      unknown ->
        raise ArgumentError,
              "unknown fields #{Kernel.inspect(unknown)} in #{Kernel.inspect(option)} " <>
                "when deriving the Inspect protocol for #{Kernel.inspect(module)}"
    end
  end

  @doc false
  # The field infos of a derived implementation: those of `shown`, without
  # the optional fields that hold their default.
  def __shown__(infos, struct, shown, defaults) do
    for %{field: field} = info <- infos,
        field in shown,
        not (Map.has_key?(defaults, field) and Map.get(struct, field) === Map.fetch!(defaults, field)),
        do: info
  end

  # A struct without its own implementation: `%Name{field: value}` in
  # `defstruct` order, or a map when it is not (or no longer) the struct
  # its module defines.
  def inspect(%module{} = struct, opts) do
    case :beamlet.builtin_exception_fields(module) do
      nil -> inspect_struct(module, struct, opts)
      fields -> inspect_builtin_exception(module, fields, struct, opts)
    end
  end

  @doc false
  # `#name<field: value, ..., ...>`: a struct showing some of its fields.
  def inspect(map, name, infos, opts) do
    open = color("#" <> name <> "<", :map, opts)
    sep = color(",", :map, opts)
    close = color(">", :map, opts)

    fun = fn
      %{field: field}, opts -> Inspect.List.keyword({field, Map.get(map, field)}, opts)
      :"...", _opts -> "..."
    end

    container_doc(open, infos ++ [:"..."], close, opts, fun, separator: sep, break: :strict)
  end

  # The exceptions built into beamlet's VM (RuntimeError, KeyError, ...):
  # their fields are the VM's (their modules have no `__info__(:struct)`).
  defp inspect_builtin_exception(module, fields, struct, opts) do
    if Map.keys(struct) == Enum.sort([:__exception__, :__struct__ | fields]) do
      infos = for field <- fields, do: %{field: field}
      Inspect.Map.inspect(struct, :beamlet.inspect_atom(:literal, module), infos, opts)
    else
      Inspect.Map.inspect(struct, opts)
    end
  end

  defp inspect_struct(module, struct, opts) do
    try do
      {module.__struct__(), module.__info__(:struct)}
    rescue
      _ -> Inspect.Map.inspect(struct, opts)
    else
      {dunder, fields} ->
        if Map.keys(dunder) == Map.keys(struct) do
          infos = for %{field: field} = info <- fields, field not in [:__struct__, :__exception__], do: info
          Inspect.Map.inspect(struct, :beamlet.inspect_atom(:literal, module), infos, opts)
        else
          Inspect.Map.inspect(struct, opts)
        end
    end
  end
end
