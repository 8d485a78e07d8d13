defmodule Greeter do
  def hello(name \\ "world", punct \\ "!") do
    "Hello, #{name}#{punct}"
  end

  def pad(list, n \\ 3, fill \\ 0)
  def pad(list, n, _fill) when length(list) >= n, do: list
  def pad(list, n, fill), do: pad(list ++ [fill], n, fill)

  def range(from \\ 1, to), do: Enum.to_list(from..to)
end

IO.puts(Greeter.hello())
IO.puts(Greeter.hello("Ada"))
IO.puts(Greeter.hello("Ada", "?"))
IO.inspect(Greeter.pad([]))
IO.inspect(Greeter.pad([1]))
IO.inspect(Greeter.pad([1], 5))
IO.inspect(Greeter.pad([1], 4, :x))
IO.inspect(Greeter.pad([1, 2, 3, 4], 2))
IO.inspect(Greeter.range(4))
IO.inspect(Greeter.range(3, 6))
f = &Greeter.hello/0
g = &Greeter.hello/1
IO.puts(f.())
IO.puts(g.("there"))
