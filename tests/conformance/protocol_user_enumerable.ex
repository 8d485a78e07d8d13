# A user collection (a countdown and a linked list) through Enumerable:
# halting, suspending (zip), count/member?/slice fallbacks, and for.
defmodule Countdown do
  defstruct from: 0

  defimpl Enumerable do
    def reduce(_, {:halt, acc}, _fun), do: {:halted, acc}
    def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
    def reduce(%Countdown{from: 0}, {:cont, acc}, _fun), do: {:done, acc}
    def reduce(%Countdown{from: n}, {:cont, acc}, fun), do: reduce(%Countdown{from: n - 1}, fun.(n, acc), fun)

    def count(_), do: {:error, __MODULE__}
    def member?(_, _), do: {:error, __MODULE__}
    def slice(_), do: {:error, __MODULE__}
  end
end
defmodule Chain do
  defstruct head: nil

  def from_list(l), do: %Chain{head: List.foldr(l, nil, fn x, acc -> {x, acc} end)}

  defimpl Enumerable do
    def reduce(_, {:halt, acc}, _), do: {:halted, acc}
    def reduce(c, {:suspend, acc}, fun), do: {:suspended, acc, &reduce(c, &1, fun)}
    def reduce(%Chain{head: nil}, {:cont, acc}, _), do: {:done, acc}
    def reduce(%Chain{head: {x, rest}}, {:cont, acc}, fun), do: reduce(%Chain{head: rest}, fun.(x, acc), fun)

    def count(%Chain{head: h}), do: {:ok, len(h, 0)}
    defp len(nil, n), do: n
    defp len({_, r}, n), do: len(r, n + 1)
    def member?(_, _), do: {:error, __MODULE__}
    def slice(_), do: {:error, __MODULE__}
  end
end

defmodule Main do
  def run do
    c = %Countdown{from: 6}
    IO.inspect(Enum.to_list(c))
    IO.inspect(Enum.map(c, &(&1 * &1)))
    IO.inspect({Enum.count(c), Enum.member?(c, 3), Enum.member?(c, 9), Enum.sum(c)})
    IO.inspect(Enum.take(c, 2))
    IO.inspect(Enum.take_while(c, &(&1 > 3)))
    IO.inspect(Enum.drop(c, 4))
    IO.inspect(Enum.chunk_every(c, 4))
    IO.inspect(Enum.zip(c, [:a, :b, :c]))
    IO.inspect(Enum.zip(c, %Countdown{from: 2}))
    IO.inspect(Enum.with_index(c) |> Enum.filter(fn {_, i} -> rem(i, 2) == 0 end))
    IO.inspect({Enum.find(c, &(rem(&1, 4) == 0)), Enum.any?(c, &(&1 > 5)), Enum.all?(c, &(&1 > 0))})
    IO.inspect({Enum.min(c), Enum.max(c)})
    IO.inspect(Enum.sort_by(c, &rem(&1, 3)))
    IO.inspect(Enum.reduce_while(c, 0, fn x, acc -> if acc > 10, do: {:halt, acc}, else: {:cont, acc + x} end))
    IO.inspect({Enum.at(c, 1), Enum.at(c, 10), Enum.slice(c, 1, 3), Enum.reverse(c)})
    IO.inspect(Enum.join(c, "-"))
    IO.inspect(Enum.map_reduce(c, 0, fn x, acc -> {x + acc, acc + 1} end))
    IO.inspect(Enum.scan(c, 0, &+/2))
    IO.inspect(Enum.flat_map(%Countdown{from: 3}, &List.duplicate(&1, &1)))
    IO.inspect(Enum.into(c, []))
    IO.inspect(Enum.split(c, 2))
    IO.inspect(for x <- c, rem(x, 2) == 1, y <- %Countdown{from: 2}, do: {x, y})

    ch = Chain.from_list([:a, :b, :c, :d])
    IO.inspect({Enum.count(ch), Enum.to_list(ch), Enum.member?(ch, :c)})
    IO.inspect(Enum.zip(ch, c))
    IO.inspect(for x <- ch, into: "", do: Atom.to_string(x))
    IO.inspect(Enum.frequencies(Chain.from_list([1, 2, 1, 3, 1])) |> Enum.sort())
    IO.inspect(Enum.uniq(Chain.from_list([1, 2, 1, 3, 1])))
    IO.inspect(Enum.dedup(Chain.from_list([1, 1, 2, 2, 1])))
    IO.inspect(Enum.empty?(Chain.from_list([])))
    IO.inspect(Enum.group_by(c, &rem(&1, 2)))
  end
end

Main.run()
