defmodule Primes do
  def sieve(n), do: sieve(Enum.to_list(2..n), [])
  defp sieve([], acc), do: Enum.reverse(acc)
  defp sieve([p | rest], acc), do: sieve(for(x <- rest, rem(x, p) != 0, do: x), [p | acc])

  def prime?(n) when n < 2, do: false
  def prime?(2), do: true
  def prime?(n) when rem(n, 2) == 0, do: false
  def prime?(n), do: check(n, 3)
  defp check(n, d) when d * d > n, do: true
  defp check(n, d) when rem(n, d) == 0, do: false
  defp check(n, d), do: check(n, d + 2)

  def factors(n), do: factors(n, 2, [])
  defp factors(1, _, acc), do: Enum.reverse(acc)
  defp factors(n, d, acc) when rem(n, d) == 0, do: factors(div(n, d), d, [d | acc])
  defp factors(n, d, acc), do: factors(n, d + 1, acc)

  def gcd(a, 0), do: a
  def gcd(a, b), do: gcd(b, rem(a, b))
end

IO.inspect(Primes.sieve(100))
IO.inspect(Enum.filter(1..50, &Primes.prime?/1))
IO.inspect(Primes.prime?(7919))
IO.inspect(Primes.prime?(1_000_000_007))
IO.inspect(Primes.factors(360))
IO.inspect(Primes.factors(9_999_991 * 3))
IO.inspect(Primes.gcd(1071, 462))
IO.inspect(Primes.gcd(2 ** 64, 6 ** 20))
IO.puts("count below 10000: #{Enum.count(1..10_000, &Primes.prime?/1)}")
