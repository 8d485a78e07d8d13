# Collectable for user structs: for ... into:, Enum.into/2, and the :halt call
# a collector receives when the producer raises.
defmodule Histogram do
  defstruct counts: %{}, total: 0

  defimpl Collectable do
    def into(%Histogram{} = h) do
      collector = fn
        acc, {:cont, x} ->
          %Histogram{acc | counts: Map.update(acc.counts, x, 1, &(&1 + 1)), total: acc.total + 1}
        acc, :done ->
          acc
        _acc, :halt ->
          Process.put(:halted, true)
          :ok
      end
      {h, collector}
    end
  end
end
defmodule Log do
  defstruct prefix: "", lines: []

  defimpl Collectable do
    def into(%Log{prefix: p, lines: lines}) do
      {Enum.reverse(lines), fn
        acc, {:cont, line} -> [p <> to_string(line) | acc]
        acc, :done -> %Log{prefix: p, lines: Enum.reverse(acc)}
        _, :halt -> :ok
      end}
    end
  end
end

defmodule Main do
  def run do
    h = for w <- ~w(a b a c b a), into: %Histogram{}, do: w
    IO.inspect(h)
    h2 = Enum.into([1, 2, 2], h)
    IO.inspect({h2.total, Enum.sort(Map.to_list(h2.counts))})
    IO.inspect(Enum.into(Enum.map(1..4, &rem(&1, 2)), %Histogram{}))
    IO.inspect(for x <- 1..3, y <- [:p, :q], x != 2, into: %Histogram{}, do: y)
    IO.inspect(for <<c <- "hello">>, into: %Histogram{}, do: <<c>>)

    log = for n <- [1, 2], into: %Log{prefix: "> "}, do: n * 10
    IO.inspect(log)
    IO.inspect(Enum.into([:x, "y"], log))
    IO.inspect(Enum.into(for({k, v} <- %{b: 2, a: 1}, do: "#{k}=#{v}"), %Log{prefix: "kv "}))
    IO.inspect(for(x <- [], into: %Log{}, do: x))

    Process.put(:halted, false)
    try do
      for x <- [1, 2, 0, 4], into: %Histogram{}, do: div(10, x)
    rescue
      e in ArithmeticError -> IO.puts("raised: " <> Exception.message(e))
    end
    IO.inspect(Process.get(:halted), label: "halt called")

    IO.inspect(Enum.into([a: 1, b: 2], %{c: 3}))
    IO.inspect(Enum.into([1, 2], [0]))
    IO.inspect(for x <- [?a, ?b], into: "<", do: <<x, x>>)
    IO.inspect(Collectable.impl_for(%Log{}))
    IO.inspect(Collectable.impl_for(%{}))
    IO.inspect(Collectable.impl_for(:atom))
    try do
      for x <- [1], into: 42, do: x
    rescue
      e in Protocol.UndefinedError -> IO.puts(Exception.message(e))
    end
  end
end

Main.run()
