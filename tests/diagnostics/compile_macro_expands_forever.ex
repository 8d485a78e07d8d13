# A macro that expands to a call of itself: Elixir hangs; beamlet stops after a depth limit.
defmodule Forever do
  defmacro again(x) do
    quote do: Forever.again(unquote(x))
  end
end

defmodule UsesForever do
  require Forever
  def f, do: Forever.again(1)
end
