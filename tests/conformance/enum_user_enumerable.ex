# Enum over user structs implementing Enumerable: count/member?/slice answers (slicing functions of arity 1, 2, 3) or {:error, _}.
defmodule Bag do
  defstruct items: [], mode: :error

  defimpl Enumerable do
    def count(%{mode: :error}), do: {:error, __MODULE__}
    def count(bag), do: {:ok, length(bag.items)}
    def member?(%{mode: :error}, _), do: {:error, __MODULE__}
    def member?(bag, x), do: {:ok, x in bag.items}
    def slice(%{mode: :error}), do: {:error, __MODULE__}
    def slice(%{mode: 1} = bag), do: {:ok, length(bag.items), fn b -> IO.puts("to_list"); b.items end}

    def slice(%{mode: 2} = bag),
      do: {:ok, length(bag.items), fn start, len -> IO.puts("slice #{start} #{len}"); Enum.slice(bag.items, start, len) end}

    def slice(%{mode: 3} = bag),
      do: {:ok, length(bag.items), fn start, len, step -> IO.puts("slice #{start} #{len} #{step}"); bag.items |> Enum.drop(start) |> Enum.take_every(step) |> Enum.take(len) end}

    def reduce(bag, acc, fun), do: Enumerable.List.reduce(bag.items, acc, fun)
  end
end

defmodule Main do
  def run(mode) do
  bag = %Bag{items: Enum.to_list(1..8), mode: mode}
  IO.puts("-- mode #{inspect(mode)}")
  IO.inspect({Enum.count(bag), Enum.member?(bag, 3), Enum.empty?(bag)})
  IO.inspect(Enum.slice(bag, 2, 3))
  IO.inspect(Enum.slice(bag, 1..5//2))
  IO.inspect(Enum.slice(bag, -3..-1))
  IO.inspect({Enum.at(bag, -2), Enum.fetch(bag, 7), Enum.take(bag, -2), Enum.drop(bag, -6)})
  IO.inspect({Enum.take(bag, 2), Enum.map(bag, &(&1 * 2)), Enum.sum(bag), Enum.to_list(bag)})
  IO.inspect(Enum.zip(bag, ~w(a b c)))
  IO.inspect(Stream.map(bag, &(-&1)) |> Enum.take(3))
  end
end

Enum.each([:error, 1, 2, 3], &Main.run/1)
