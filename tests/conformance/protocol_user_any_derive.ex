# @fallback_to_any and @derive together: Any impls used by derivation,
# Protocol.derive/2 outside the module, and impls written outside the struct.
defprotocol Label do
  @fallback_to_any true
  def label(term)
end
defimpl Label, for: Any do
  def label(%mod{}), do: "struct " <> inspect(mod)
  def label(other), do: "any " <> inspect(other)
end
defprotocol Size do
  def size(term)
end
defimpl Size, for: Any do
  def size(%_{} = s), do: map_size(s) - 1
end
defmodule Card do
  @derive [Size, {Inspect, only: [:rank]}]
  defstruct rank: 1, suit: :spades, secret: "x"
end
defmodule Deck do
  defstruct cards: []
end
defmodule Ext do
  defstruct [:a, :b, :c]
end
require Protocol
Protocol.derive(Size, Ext)
defimpl Label, for: [Deck, Card] do
  def label(%Deck{cards: cs}), do: "deck of #{length(cs)}"
  def label(%Card{rank: r, suit: s}), do: "#{r} of #{s}"
end
defimpl Size, for: Deck do
  def size(%Deck{cards: cs}), do: length(cs)
end

defmodule Main do
  def run do
    card = %Card{rank: 12, suit: :hearts}
    deck = %Deck{cards: [card, %Card{}]}
    IO.inspect(card)
    IO.inspect(deck)
    for t <- [card, deck, %Ext{}, %ArgumentError{}, 1, "s", [1], {}] do
      IO.puts(Label.label(t))
    end
    IO.inspect({Size.size(card), Size.size(deck), Size.size(%Ext{a: 1})})
    IO.inspect({Label.impl_for(card), Label.impl_for(%Ext{}), Label.impl_for(3)})
    IO.inspect({Size.impl_for(card), Size.impl_for(%Ext{}), Size.impl_for(%ArgumentError{}), Size.impl_for(3)})
    for t <- [%ArgumentError{}, 3, %{}] do
      try do
        Size.size(t)
      rescue
        e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
      end
    end
    try do
      Size.impl_for!(:nope)
    rescue
      e in Protocol.UndefinedError -> IO.inspect({e.protocol, e.value})
    end
  end
end

Main.run()
