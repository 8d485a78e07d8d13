defmodule VB do
  defmacro define(name, value) do
    var = Macro.var(name, nil)
    quote do
      unquote(var) = unquote(value)
    end
  end

  defmacro hidden(name, value) do
    var = Macro.var(name, __MODULE__)
    quote do
      unquote(var) = unquote(value)
      unquote(var) * 2
    end
  end

  defmacro sum_vars(names) do
    vars = Enum.map(names, &Macro.var(&1, nil))
    Enum.reduce(vars, 0, fn v, acc -> quote(do: unquote(acc) + unquote(v)) end)
  end
end

defmodule VBUser do
  require VB

  def run do
    VB.define(:alpha, 3)
    VB.define(:beta, 4)
    IO.inspect({alpha, beta}, label: "defined")
    a = 100
    IO.inspect(VB.hidden(:a, 7), label: "hidden result")
    IO.inspect(a, label: "a untouched")
    IO.inspect(VB.sum_vars([:alpha, :beta, :a]), label: "sum")
    IO.inspect(Macro.var(:foo, nil))
    IO.inspect(Macro.var(:foo, VB))
    IO.inspect(quote(do: foo))
    IO.inspect(quote(do: var!(foo)))
  end
end

VBUser.run()
