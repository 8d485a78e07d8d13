# Stream.into/2,3 (collecting while streaming), Stream.run, and inspect of streams with no functions to print.
defmodule Pdict do
  defstruct []

  defimpl Collectable do
    def into(struct) do
      fun = fn
        _, {:cont, x} -> IO.puts("collect #{inspect(x)}")
        _, :done -> IO.puts("collect done")
        _, :halt -> IO.puts("collect halt")
      end

      {struct, fun}
    end
  end
end

defmodule Main do
  def main do
    IO.inspect(Stream.into([1, 2, 3], %Pdict{}) |> Enum.to_list())
    IO.inspect(Stream.into([1, 2, 3], %Pdict{}, &(&1 * 100)) |> Enum.take(1))
    IO.inspect(Stream.into(~w(a b), []) |> Stream.run())
    IO.inspect(Stream.map(1..3, &(&1 * 2)) |> Enum.into(%{}, &{&1, &1}))
    IO.inspect(Stream.map(1..3, &Integer.to_string/1) |> Enum.into("n:"))

    try do
      Stream.into(Stream.map([1, 2], fn 2 -> raise "bad"; x -> x end), %Pdict{}) |> Stream.run()
    rescue
      e -> IO.puts("rescued #{Exception.message(e)}")
    end

    IO.inspect(Stream.take(1..3, 0))
    IO.inspect(Stream.drop_every([1, 2], 0))
    IO.inspect(Stream.take_every(%{a: 1}, 0), label: "take_every 0")
    IO.inspect(Stream.map_every(1..2, 0, & &1))
    IO.inspect(Enum.count(Stream.map(1..10, & &1)), label: "count")
    IO.inspect(Enum.member?(Stream.map(1..10, &(&1 * 2)), 8), label: "member?")
    IO.inspect(Enum.sort(Stream.map([3, 1, 2], & &1), :desc))
    IO.inspect(Enum.reverse(Stream.filter(1..10, &(rem(&1, 3) == 0))))
  end
end

Main.main()
