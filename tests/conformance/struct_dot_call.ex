# `expr.name` on something that is not a map: a module in a variable is a
# zero-arity call, nil/true/false and other terms a KeyError; legacy ranges
defmodule Temp do
  defstruct degrees: 0
  def zero, do: :zero
  def counter, do: Process.put(:calls, (Process.get(:calls) || 0) + 1)
end

defmodule Main do
  def dot(x) do
    x.zero
  rescue
    e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
  end

  def run do
    m = Temp
    IO.inspect(m.zero)
    IO.inspect(m.__struct__)
    IO.inspect(m.__struct__.degrees)
    m.counter
    m.counter
    IO.inspect(Process.get(:calls))
    s = String
    IO.inspect({s.__info__(:module), :erlang.node == node()})
    for x <- [%{zero: 0}, %{one: 1}, %Temp{}, Temp, :atom_value, NoSuch, :lists, nil, true, false, 42, "s", {1}, [zero: 1]] do
      IO.inspect(dot(x), label: inspect(x))
    end
    map = %{inner: %{zero: :deep}}
    IO.inspect(map.inner.zero)
    IO.inspect(%{__struct__: Range, first: 1, last: 2})
    IO.inspect(%{__struct__: Range, first: 5, last: 2})
    IO.inspect([%{__struct__: Range, first: -1, last: 3}], label: "in list")
    IO.puts(inspect(%{__struct__: Range, first: 0, last: 0}))
    IO.inspect(1..2//1)
    IO.inspect(5..2//-1)
    IO.inspect(1..10//3)
  end
end

Main.run()
