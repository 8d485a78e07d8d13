defmodule Conditional do
  @feature true
  if @feature do
    def feature, do: :enabled
  else
    def feature, do: :disabled
  end

  unless @feature do
    def never, do: :never
  end

  @x 10
  def a, do: @x
  @x @x + 5
  def b, do: @x
  @list Enum.map(1..3, &(&1 * &1))
  def squares, do: @list

  IO.puts("module body runs at compile time: #{@x}")
  sum = Enum.sum(@list)
  def sum, do: unquote(sum)

  def has_never?, do: function_exported?(__MODULE__, :never, 0)
end

IO.inspect(Conditional.feature())
IO.inspect({Conditional.a(), Conditional.b()})
IO.inspect(Conditional.squares())
IO.inspect(Conditional.sum())
IO.inspect(Conditional.has_never?())
result = defmodule Tiny do
  def x, do: 1
  :last_value
end
{:module, name, _bin, last} = result
IO.inspect({name, last})
