# __info__(:compile) and module_info(:compile): the compiler's version and
# options, and the module's source file (printed as a file name only)
defprotocol Describe do
  def describe(x)
end

defmodule Thing do
  @compile {:inline, double: 1}
  @compile [:nowarn_unused_vars, {:no_warn_undefined, Nope}]
  defstruct [:a]
  def double(x), do: 2 * x
  defimpl Describe do
    def describe(_), do: "thing"
  end
end

for mod <- [Thing, Describe.Thing] do
  info = mod.__info__(:compile)
  IO.inspect(Keyword.keys(info), label: inspect(mod))
  IO.inspect(info[:version])
  IO.inspect(info[:options])
  IO.inspect(info[:source] |> to_string() |> Path.basename())
  IO.inspect(info == mod.module_info(:compile))
  IO.inspect(is_list(info[:source]))
end
IO.inspect(Thing.__info__(:module))
IO.inspect(Thing.__info__(:struct))
