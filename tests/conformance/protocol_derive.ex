defprotocol Describe do
  @fallback_to_any true
  def describe(term)
end

defimpl Describe, for: Any do
  def describe(term), do: {:any, term}
end

defimpl Describe, for: Integer do
  def describe(n), do: {:int, n}
end

defprotocol Tagged do
  def tag(term, extra \\ nil)
end

defimpl Tagged, for: Any do
  defmacro __deriving__(module, struct, options) do
    quote do
      defimpl Tagged, for: unquote(module) do
        def tag(s, extra), do: {unquote(options), Map.keys(unquote(Macro.escape(struct))) |> Enum.sort(), s.a, extra}
      end
    end
  end

  def tag(_, _), do: :any
end

defmodule Point do
  @derive [Describe, {Tagged, :opt}]
  defstruct a: 1, b: 2
end

defmodule Plain do
  defstruct x: 0
end

defprotocol Multi do
  def kind(x)
end

defimpl Multi, for: [Atom, List, Tuple, BitString, Float, Map, Function, PID, Reference] do
  def kind(x), do: @for
end

defmodule Main do
  def run do
    IO.inspect Describe.describe(1)
    IO.inspect Describe.describe(:a)
    IO.inspect Describe.describe(%Point{})
    IO.inspect Describe.describe(%Plain{})
    IO.inspect Describe.impl_for(%Point{})
    IO.inspect Describe.Point.__impl__(:target)
    IO.inspect Describe.Point.__impl__(:for)
    IO.inspect Tagged.tag(%Point{a: 5})
    IO.inspect Tagged.tag(%Point{a: 5}, :x)
    IO.inspect Tagged.impl_for(%Plain{})
    IO.inspect Enum.map([:a, [1], {}, "s", 1.0, %{}, fn -> 1 end, self(), make_ref()], &Multi.kind/1)
    IO.inspect Multi.impl_for(1)
    try do
      Multi.kind(1)
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
    try do
      Tagged.tag(%Plain{})
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
    IO.inspect Describe.__protocol__(:functions)
    IO.inspect Tagged.__protocol__(:functions)
  end
end

Main.run()
