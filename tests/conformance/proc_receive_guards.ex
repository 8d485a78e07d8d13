# Guards in receive clauses; a message failing every guard stays in the mailbox.
defmodule T do
  def take_small do
    receive do
      n when is_integer(n) and n < 10 -> {:small, n}
    after
      0 -> :no_small
    end
  end

  def main do
    Enum.each([50, 3, 1000, 7, 9, 12], &send(self(), &1))
    IO.inspect(take_small())
    IO.inspect(take_small())
    IO.inspect(take_small())
    IO.inspect(take_small())
    rest = for _ <- 1..3 do
      receive do
        n -> n
      end
    end
    IO.inspect(rest, label: "left over, in order")

    send(self(), {:temp, -5})
    send(self(), {:temp, 22})
    send(self(), {:temp, 41})
    for _ <- 1..3 do
      receive do
        {:temp, t} when t < 0 -> IO.puts("#{t}: freezing")
        {:temp, t} when t >= 0 and t <= 30 -> IO.puts("#{t}: mild")
        {:temp, t} when t > 30 -> IO.puts("#{t}: hot")
      end
    end

    send(self(), {:user, "bob", 17})
    send(self(), {:user, "amy", 30})
    receive do
      {:user, name, age} when age >= 18 and is_binary(name) -> IO.puts("adult first: #{name}")
    end
    receive do
      {:user, name, _} -> IO.puts("then: #{name}")
    end
  end
end

T.main()
