defmodule Protocol.UndefinedError do
  @moduledoc false
  # Built into the VM (vm/src/bif/exception.rs: its fields, exception/1,
  # message/1): this module makes them callable at run time too (`apply`,
  # `struct/2`, `function_exported?/3`, `Protocol.UndefinedError.message(e)`).

  def __struct__, do: %{__struct__: Protocol.UndefinedError, __exception__: true, description: "", protocol: nil, value: nil}

  def __struct__(kv), do: Enum.reduce(kv, __struct__(), fn {key, val}, acc -> %{acc | key => val} end)

  def exception(arg), do: Protocol.UndefinedError.exception(arg)

  def message(exception), do: Exception.message(exception)
end
