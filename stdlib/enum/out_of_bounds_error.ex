defmodule Enum.OutOfBoundsError do
  @moduledoc false
  # Built into the VM (vm/src/bif/exception.rs: its fields, exception/1,
  # message/1): this module makes them callable at run time too (`apply`,
  # `struct/2`, `function_exported?/3`, `Enum.OutOfBoundsError.message(e)`).

  def __struct__, do: %{__struct__: Enum.OutOfBoundsError, __exception__: true, message: "out of bounds error"}

  def __struct__(kv), do: Enum.reduce(kv, __struct__(), fn {key, val}, acc -> %{acc | key => val} end)

  def exception(arg), do: Enum.OutOfBoundsError.exception(arg)

  def message(exception), do: Exception.message(exception)
end
