defmodule Infoed do
  defstruct [:a, b: 2]
  def pub(x), do: x
  def pub(x, y), do: {x, y}
  defp priv, do: :p
  def uses_priv, do: priv()
  defmacro mac(x), do: x
  defmacro mac2(a, b), do: {a, b}
  defdelegate up(s), to: String, as: :upcase
end

defmodule Main do
  def run do
    IO.inspect(Infoed.__info__(:module))
    IO.inspect(Infoed.__info__(:functions))
    IO.inspect(Infoed.__info__(:macros))
    IO.inspect(Infoed.__info__(:struct) |> Enum.map(& &1.field))
    IO.inspect(function_exported?(Infoed, :pub, 1))
    IO.inspect(function_exported?(Infoed, :pub, 3))
    IO.inspect(function_exported?(Infoed, :priv, 0))
    IO.inspect(function_exported?(Infoed, :mac, 1))
    IO.inspect(macro_exported?(Infoed, :mac, 1))
    IO.inspect(macro_exported?(Infoed, :pub, 1))
    IO.inspect(Code.ensure_loaded?(Infoed))
    IO.inspect(Code.ensure_loaded?(NoSuchModuleAnywhere))
    IO.inspect(Code.ensure_loaded(Infoed))
    IO.inspect(Code.ensure_loaded(NoSuchModuleAnywhere))
    IO.inspect(function_exported?(Enum, :map, 2))
    IO.inspect(function_exported?(String, :upcase, 1))
    IO.inspect(Infoed.up("abc"))
    IO.inspect(%Infoed{a: 1})
    IO.inspect(Infoed.module_info(:module))
  end
end

Main.run()
