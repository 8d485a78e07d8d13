defmodule Weekday do
  @weekend [:sat, :sun]
  def kind(d) when d in @weekend, do: :weekend
  def kind(d) when d in [:mon, :tue, :wed, :thu, :fri], do: :weekday
  def kind(_), do: :unknown

  def bucket(n) when n in 0..9, do: :digit
  def bucket(n) when n in 10..99, do: :two_digits
  def bucket(n) when n in -9..-1, do: :neg_digit
  def bucket(_), do: :big

  def vowel?(c) when c in 'aeiou', do: true
  def vowel?(_), do: false
end

Enum.each([:sat, :mon, :fri, :sun, :xyz], fn d -> IO.inspect({d, Weekday.kind(d)}) end)
Enum.each([0, 9, 10, 99, 100, -1, -10, 5.0], fn n -> IO.inspect({n, Weekday.bucket(n)}) end)
IO.inspect(Enum.filter('programming', &Weekday.vowel?/1))
IO.inspect(3 in [1, 2, 3])
IO.inspect(4 in [1, 2, 3])
IO.inspect(5 in 1..10)
IO.inspect(5 in 1..10//2)
IO.inspect(4 in 1..10//2)
IO.inspect(:a not in [:b, :c])
IO.inspect(1.0 in [1, 2])
