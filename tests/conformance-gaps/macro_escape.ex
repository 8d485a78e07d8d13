IO.inspect(Macro.escape(1))
IO.inspect(Macro.escape(:a))
IO.inspect(Macro.escape("bin"))
IO.inspect(Macro.escape([1, 2]))
IO.inspect(Macro.escape({1, 2}))
IO.inspect(Macro.escape({1, 2, 3}))
IO.inspect(Macro.escape(%{a: 1}))
IO.inspect(Macro.escape(%{a: {1, 2, 3}}))
IO.inspect(Macro.escape([{:a, {:b, :c, :d}}]))
IO.inspect(Macro.escape(1..3))
IO.inspect(Macro.escape({:unquote, [], [1]}))
IO.inspect(Macro.escape({:unquote, [], [1]}, unquote: true))
IO.inspect(Macro.escape(<<1, 2, 3>>))
IO.inspect(Macro.escape(MapSet.new([1])))
value = %{list: [1, 2], tuple: {:x, :y, :z}}
{back, _} = Code.eval_quoted(Macro.escape(value))
IO.inspect(back == value)
defmodule Esc do
  defmacro const(v), do: Macro.escape(v)
  defmacro make_map do
    Macro.escape(%{built: {1, 2, 3}})
  end
end
defmodule EscUser do
  require Esc
  def run, do: {Esc.make_map(), Esc.const(:lit)}
end
IO.inspect(EscUser.run())
