# Captures of macros become fns calling the macro, as Elixir rewrites them.
or_fun = &||/2
and_fun = &(&&/2)
IO.inspect(or_fun.(nil, 3))
IO.inspect(or_fun.(false, nil))
IO.inspect(and_fun.(1, 2))
IO.inspect(and_fun.(nil, 2))
IO.inspect(Enum.reduce([false, nil, 5, 6], &||/2))
IO.inspect(Enum.reduce([1, 2, nil, 4], &(&&/2)))
IO.inspect(is_function(or_fun, 2))
IO.inspect(:erlang.fun_info(or_fun, :arity))
IO.inspect((&Kernel.||/2).(false, :x))
IO.inspect((&Kernel.!/1).(nil))
IO.inspect(Enum.map([1, nil, false], &!/1))
IO.inspect(Enum.map([1, nil], &is_nil/1))
IO.inspect(Enum.map([:a, 1, "s", [?x]], &to_string/1))
IO.inspect(Enum.map([1, 2], &Kernel.to_string/1))
IO.inspect((&<>/2).("a", "b"))
IO.inspect((&Kernel.in/2).(1, [1, 2]))
IO.inspect(Enum.map([[1], [2, 3]], &(&1 |> length())))

defmodule Macros do
  defmacro twice(x), do: quote(do: unquote(x) * 2)
end

defmodule UseMacros do
  require Macros
  import Macros
  def go do
    f = &twice/1
    g = &Macros.twice/1
    {f.(5), g.(7), Enum.map([1, 2, 3], &twice/1)}
  end
end

IO.inspect(UseMacros.go())
require Integer
IO.inspect(Enum.filter(1..10, &Integer.is_even/1))
IO.inspect(Enum.map([1, 2], &Integer.is_odd/1))
