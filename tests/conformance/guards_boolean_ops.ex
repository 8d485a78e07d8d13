defmodule Logic do
  def classify(x) when is_integer(x) and x > 0, do: :pos_int
  def classify(x) when is_integer(x) or is_float(x), do: :other_number
  def classify(x) when not is_atom(x), do: :not_atom
  def classify(_), do: :atom

  def small_even(x) when is_integer(x) and rem(x, 2) == 0 and x < 10, do: true
  def small_even(_), do: false

  def either(x) when x == :a or x == :b, do: "a or b"
  def either(_), do: "neither"

  def guard_error(x) when hd(x) > 0 or true, do: :first
  def guard_error(_), do: :second
end

Enum.each([5, -5, 2.5, "s", :k, [1]], fn v -> IO.inspect({v, Logic.classify(v)}) end)
IO.inspect(Enum.map(0..12, &Logic.small_even/1))
IO.inspect(Logic.small_even(4.0))
IO.puts(Logic.either(:a))
IO.puts(Logic.either(:b))
IO.puts(Logic.either(:c))
# a guard expression that raises just fails the clause
IO.inspect(Logic.guard_error([1]))
IO.inspect(Logic.guard_error(:not_a_list))
IO.inspect(true and false)
IO.inspect(false or true)
IO.inspect(not true)
IO.inspect(nil || :default)
IO.inspect(false && :never)
IO.inspect(1 && 2)
IO.inspect(!nil)
IO.inspect(!!3)
