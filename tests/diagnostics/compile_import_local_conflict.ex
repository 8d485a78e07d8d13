# compile error: a module defines inspect/2 and calls inspect/2, which is Kernel's import
defmodule Pretty do
  def inspect(value, width), do: String.pad_leading(Kernel.inspect(value), width)
  def show(value), do: inspect(value, 10)
end
