# syntax_colors: each kind of term colored, the reset color, and lists of colors.
defmodule Main do
  def show(term, colors), do: IO.inspect(inspect(term, syntax_colors: colors))

  def run do
    show(:atom, atom: :red)
    show(nil, nil: :red, atom: :green)
    show(true, boolean: :red)
    show(12, number: :blue)
    show(1.5, number: :blue, reset: :cyan)
    show("str", string: :green)
    show('chars', charlist: :green)
    show(<<1, 2>>, binary: :green, number: :red)
    show([:x, :y], list: :green, atom: :red, reset: :cyan)
    show([a: 1], list: :green, atom: :red, number: :blue)
    show({:x, 1}, tuple: :green, atom: :red)
    show(%{2 => 3, a: 1}, map: :green, atom: :red, number: :blue)
    show(1..3, number: :red)
    show(~r/x/, regex: :red)
    show([1, 2, 3], list: [:green, :bright], reset: :red)
    IO.inspect(inspect([:x, :y], limit: 1, syntax_colors: [list: :green, atom: :red]))
  end
end

Main.run()
