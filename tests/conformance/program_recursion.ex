defmodule Rec do
  def hanoi(0, _, _, _), do: []
  def hanoi(n, from, to, via), do: hanoi(n - 1, from, via, to) ++ [{from, to}] ++ hanoi(n - 1, via, to, from)

  def permutations([]), do: [[]]
  def permutations(list), do: for(x <- list, rest <- permutations(list -- [x]), do: [x | rest])

  def flatten([]), do: []
  def flatten([h | t]) when is_list(h), do: flatten(h) ++ flatten(t)
  def flatten([h | t]), do: [h | flatten(t)]

  def ackermann(0, n), do: n + 1
  def ackermann(m, 0), do: ackermann(m - 1, 1)
  def ackermann(m, n), do: ackermann(m - 1, ackermann(m, n - 1))

  def qsort([]), do: []
  def qsort([p | rest]) do
    {l, r} = Enum.split_with(rest, &(&1 < p))
    qsort(l) ++ [p] ++ qsort(r)
  end

  def power_set([]), do: [[]]
  def power_set([h | t]) do
    ps = power_set(t)
    ps ++ Enum.map(ps, &[h | &1])
  end

  def gcd(a, 0), do: a
  def gcd(a, b), do: gcd(b, rem(a, b))

  def collatz(1, steps), do: steps
  def collatz(n, steps) when rem(n, 2) == 0, do: collatz(div(n, 2), steps + 1)
  def collatz(n, steps), do: collatz(3 * n + 1, steps + 1)

  def sum_digits(n) when n < 10, do: n
  def sum_digits(n), do: rem(n, 10) + sum_digits(div(n, 10))
end

IO.inspect(Rec.hanoi(3, :a, :c, :b))
IO.puts("moves for 10: #{length(Rec.hanoi(10, :a, :c, :b))}")
IO.inspect(Rec.permutations([1, 2, 3]))
IO.inspect(Rec.flatten([1, [2, [3, [4]], 5], [[6]]]))
IO.inspect(Rec.ackermann(2, 3))
IO.inspect(Rec.qsort([5, 3, 8, 1, 9, 2, 7]))
IO.inspect(Rec.power_set([1, 2, 3]))
IO.inspect(Rec.gcd(1071, 462))
IO.inspect(Enum.max_by(1..30, &Rec.collatz(&1, 0)))
IO.inspect(Rec.sum_digits(2 ** 50))
IO.inspect(Enum.reduce(1..20, 1, &*/2))
IO.inspect(Enum.reduce(1..10, [], fn x, acc -> [x * x | acc] end) |> Enum.reverse())
deep = Enum.reduce(1..100_000, 0, fn x, acc -> acc + x end)
IO.puts(deep)
count = fn f, n -> if n == 0, do: 0, else: 1 + f.(f, n - 1) end
IO.puts(count.(count, 10_000))
