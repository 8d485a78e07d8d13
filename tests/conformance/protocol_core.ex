defmodule Bag do
  defstruct items: []
  defimpl Enumerable do
    def count(%Bag{items: i}), do: {:ok, length(i)}
    def member?(%Bag{items: i}, x), do: {:ok, x in i}
    def slice(_), do: {:error, __MODULE__}
    def reduce(%Bag{items: i}, acc, fun), do: Enumerable.List.reduce(i, acc, fun)
  end
  defimpl Collectable do
    def into(bag) do
      {bag, fn
        %Bag{items: i} = b, {:cont, x} -> %{b | items: [x | i]}
        b, :done -> b
        _, :halt -> :ok
      end}
    end
  end
  defimpl String.Chars do
    def to_string(%Bag{items: i}), do: "bag of #{length(i)}"
  end
end
defmodule Main do
  def run do
b = %Bag{items: [3, 1, 2]}
IO.inspect Enum.map(b, &(&1 * 2))
IO.inspect Enum.sort(b)
IO.inspect Enum.count(b)
IO.inspect Enum.member?(b, 2)
IO.inspect Enum.sum(b)
IO.inspect Enum.to_list(b)
IO.inspect Enum.into([4, 5], %Bag{})
IO.inspect for x <- [1, 2], into: %Bag{}, do: x * 10
IO.puts "#{b}"
IO.puts to_string(b)
IO.inspect Enum.take(b, 2)
IO.inspect Enum.reduce(1..3, 0, &+/2)
IO.inspect Enum.count(%{a: 1})
IO.inspect Enum.member?(%{a: 1}, {:a, 1})
try do
  Enum.map(%ArgumentError{}, & &1)
rescue e -> IO.puts Exception.message(e)
end
try do
  "#{%ArgumentError{}}"
rescue e -> IO.puts Exception.message(e)
end
  end
end
Main.run()
