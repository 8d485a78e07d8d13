# defstruct defaults are evaluated once, at compile time; keyword and list forms.
defmodule Defaults do
  @base 10
  @names ~w(red green blue)a
  defstruct count: @base * 2,
            colors: @names,
            label: String.upcase("item"),
            squares: Enum.map(1..4, &(&1 * &1)),
            pair: {@base, :ten},
            nothing: nil
end

defmodule Mixed do
  defstruct [:first, :second, third: 3, fourth: [4]]
end

defmodule Empty do
  defstruct []
end

defmodule Counter do
  # a module attribute read at compile time, then changed: the default keeps the old value
  @start 1
  defstruct value: @start
  @start 100
  def start, do: @start
end

defmodule Main do
  def run do
    IO.inspect(%Defaults{})
    IO.inspect(%Defaults{count: 0, label: "x"})
    IO.inspect(Defaults.__struct__())
    IO.inspect(Defaults.__struct__(count: 5).count)
    IO.inspect(%Mixed{})
    IO.inspect(%Mixed{first: :a, fourth: []})
    IO.inspect(%Empty{})
    IO.inspect(Map.keys(%Empty{}))
    IO.inspect(%Counter{})
    IO.inspect(Counter.start())
    IO.inspect(%Mixed{} == Mixed.__struct__())
    IO.inspect(Mixed.__struct__(second: 2))
    IO.inspect(Map.keys(%Mixed{}) |> Enum.sort())
    IO.inspect(map_size(%Defaults{}))
    IO.inspect(Defaults.__info__(:struct) |> Enum.map(& &1.field))
    IO.inspect(Mixed.__info__(:struct))
    IO.inspect(Empty.__info__(:struct))
    IO.inspect(function_exported?(Mixed, :__struct__, 0))
    IO.inspect(function_exported?(Mixed, :__struct__, 1))
    IO.inspect(function_exported?(Main, :__struct__, 0))
  end
end

Main.run()
