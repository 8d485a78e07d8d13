# Selective receive: unmatched messages stay queued, in their original order.
defmodule T do
  def take(x) do
    receive do
      ^x -> x
    after
      0 -> {:missing, x}
    end
  end

  def rest(acc) do
    receive do
      m -> rest([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def main do
    send(self(), :a)
    send(self(), :b)
    send(self(), :c)
    IO.inspect(take(:c), label: "first")
    IO.inspect(rest([]), label: "then")

    Enum.each([:a, :b, :c, :d, :e], &send(self(), &1))
    IO.inspect(take(:d))
    IO.inspect(take(:b))
    IO.inspect(take(:b))
    IO.inspect(rest([]), label: "remaining")

    # priority: urgent messages first, then the rest in arrival order
    Enum.each([{:normal, 1}, {:urgent, 2}, {:normal, 3}, {:urgent, 4}, {:normal, 5}], &send(self(), &1))
    urgent = for _ <- 1..2 do
      receive do
        {:urgent, n} -> n
      end
    end
    IO.inspect(urgent, label: "urgent")
    IO.inspect(rest([]), label: "normal")
  end
end

T.main()
