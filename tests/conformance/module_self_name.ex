defmodule My.Deep.Module.Name do
  def me, do: __MODULE__
  def call_self(x), do: __MODULE__.double(x)
  def double(x), do: x * 2
  def as_string, do: to_string(__MODULE__)
end

IO.inspect(My.Deep.Module.Name.me())
IO.puts(My.Deep.Module.Name.call_self(21))
IO.puts(My.Deep.Module.Name.as_string())
IO.puts("#{My.Deep.Module.Name.me()}")
IO.inspect(:"Elixir.My.Deep.Module.Name".double(5))
mod = My.Deep.Module.Name
IO.inspect(mod.double(8))
IO.inspect(Elixir.My.Deep.Module.Name.me())
IO.inspect(:lists)
IO.inspect(Enum)
