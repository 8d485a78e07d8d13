defmodule Parity do
  def even?(0), do: true
  def even?(n) when n > 0, do: odd?(n - 1)
  def odd?(0), do: false
  def odd?(n) when n > 0, do: even?(n - 1)
end

defmodule Tokens do
  # alternates between two states: reading words and skipping spaces
  def words(chars), do: skip(chars, [])
  defp skip([], acc), do: Enum.reverse(acc)
  defp skip([?\s | t], acc), do: skip(t, acc)
  defp skip(chars, acc), do: word(chars, [], acc)
  defp word([], cur, acc), do: skip([], [Enum.reverse(cur) | acc])
  defp word([?\s | t], cur, acc), do: skip(t, [Enum.reverse(cur) | acc])
  defp word([c | t], cur, acc), do: word(t, [c | cur], acc)
end

defmodule Hof do
  # Hofstadter female/male sequences
  def f(0), do: 1
  def f(n), do: n - m(f(n - 1))
  def m(0), do: 0
  def m(n), do: n - f(m(n - 1))
end

IO.inspect(Enum.map(0..7, &Parity.even?/1))
IO.inspect(Parity.odd?(100_001))
IO.inspect(Parity.even?(1_000_000))
IO.inspect(Tokens.words('  the quick  brown fox '))
IO.inspect(Enum.map(0..15, &Hof.f/1))
IO.inspect(Enum.map(0..15, &Hof.m/1))
