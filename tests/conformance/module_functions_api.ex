defmodule Probe do
  def a, do: 1
  def b(x), do: x
  defmacro m, do: :m

  @compile_time Module.defines?(__MODULE__, {:a, 0})
  @not_yet Module.defines?(__MODULE__, {:c, 0})
  def checks, do: {@compile_time, @not_yet}
  def c, do: 3

  @open Module.open?(__MODULE__)
  def open_flag, do: @open
  def defs, do: unquote(Module.definitions_in(__MODULE__) |> Enum.sort() |> Macro.escape())
  def defs_def, do: unquote(Module.definitions_in(__MODULE__, :defmacro) |> Macro.escape())
end

IO.inspect(Probe.checks())
IO.inspect(Probe.open_flag())
IO.inspect(Module.open?(Probe))
IO.inspect(Probe.defs())
IO.inspect(Probe.defs_def())
IO.inspect(Probe.__info__(:functions))
IO.inspect(Probe.__info__(:macros))
IO.inspect(Probe.module_info(:exports) |> Enum.sort() |> Enum.take(3))
IO.inspect(function_exported?(Probe, :__info__, 1))
IO.inspect(function_exported?(Probe, :m, 0))
IO.inspect(function_exported?(Probe, :"MACRO-m", 1))
IO.inspect(Module.concat(Probe, Sub))
IO.inspect(Module.safe_concat([Probe]))
