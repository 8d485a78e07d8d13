defmodule Guards do
  defguard is_even(n) when is_integer(n) and rem(n, 2) == 0
  defguard is_pos_even(n) when is_even(n) and n > 0
  defguardp is_small(n) when n in 0..9
  defguard is_pair(t) when is_tuple(t) and tuple_size(t) == 2

  def classify(n) when is_small(n), do: :small
  def classify(n) when is_pos_even(n), do: :big_even
  def classify(_), do: :other

  def small?(n), do: is_small(n)
end

defmodule GuardUser do
  import Guards

  def check(x) when is_even(x), do: "#{x} even"
  def check(x) when is_pair(x), do: "pair"
  def check(x), do: "#{inspect(x)} neither"

  def inline(x), do: {is_even(x), is_pos_even(x), is_pair(x)}

  def in_case(v) do
    case v do
      n when is_even(n) -> :even
      _ -> :odd_or_other
    end
  end
end

IO.inspect(Enum.map([1, 2, 3, 4, -2, 12, 15], &Guards.classify/1))
IO.inspect(Guards.small?(3))
IO.inspect(Guards.small?(30))
IO.inspect(GuardUser.check(4))
IO.inspect(GuardUser.check({1, 2}))
IO.inspect(GuardUser.check(3))
IO.inspect(GuardUser.inline(6))
IO.inspect(GuardUser.inline(-6))
IO.inspect(GuardUser.inline({1, 1}))
IO.inspect(GuardUser.inline(:x))
IO.inspect(GuardUser.in_case(8))
IO.inspect(GuardUser.in_case(9))
IO.inspect(Guards.__info__(:macros))

defmodule Later do
  require Guards
  def run, do: {Guards.is_even(10), Macro.to_string(Macro.expand_once(quote(do: Guards.is_even(x)), __ENV__)) =~ "is_integer"}
end
IO.inspect(Later.run())
