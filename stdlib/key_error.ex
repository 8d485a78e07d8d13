defmodule KeyError do
  @moduledoc false
  # Built into the VM (vm/src/bif/exception.rs: its fields, exception/1,
  # message/1): this module makes them callable at run time too (`apply`,
  # `struct/2`, `function_exported?/3`, `KeyError.message(e)`).

  def __struct__, do: %{__struct__: KeyError, __exception__: true, key: nil, message: nil, term: nil}

  def __struct__(kv), do: Enum.reduce(kv, __struct__(), fn {key, val}, acc -> %{acc | key => val} end)

  def exception(arg), do: KeyError.exception(arg)

  def message(exception), do: Exception.message(exception)

  def blame(exception, stacktrace), do: Exception.blame(:error, exception, stacktrace)
end
