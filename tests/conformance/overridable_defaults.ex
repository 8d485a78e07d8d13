# defoverridable of an arity a definition's defaults make (with the
# definition itself): overriding it keeps the other arities, and super
# reaches the default's function.
defmodule OvBase do
  def fun(value, opt \\ :from_parent) do
    {value, opt}
  end

  def keep(a, b \\ 1, c \\ 2), do: a + b + c

  defmacro macro(value, opt \\ :from_parent) do
    {value, opt}
  end

  defoverridable fun: 1, fun: 2, keep: 2, keep: 3, macro: 1, macro: 2

  def fun(value) do
    {value, super(value)}
  end

  def keep(a, b), do: {:overridden, super(a, b)}

  defmacro macro(value) do
    {value, super(value)}
  end
end

defmodule Caller do
  require OvBase
  IO.inspect(OvBase.fun(:foo))
  IO.inspect(OvBase.fun(:foo, :x))
  IO.inspect(OvBase.keep(1))
  IO.inspect(OvBase.keep(1, 10))
  IO.inspect(OvBase.keep(1, 10, 100))
  IO.inspect(OvBase.macro(:bar))
  IO.inspect(OvBase.macro(:bar, :y))
  IO.inspect(OvBase.__info__(:functions))
  IO.inspect(OvBase.__info__(:macros))
end
