# defguard: defined by a macro's quote (its variables carry the macro
# module's context), used in and out of guards; outside a guard the
# arguments are evaluated once each, side by side, as a call's are.
defmodule GuardFromMacro do
  defmacro __using__(_) do
    quote do
      defguard is_even(value) when is_integer(value) and rem(value, 2) == 0
      defguardp is_small(value) when value in 0..9
    end
  end
end

defmodule UsesGuard do
  use GuardFromMacro

  def kind(x) when is_even(x) and is_small(x), do: :small_even
  def kind(x) when is_even(x), do: :even
  def kind(_), do: :other

  def check(x), do: {is_even(x), is_small(x)}
end

IO.inspect(Enum.map([2, 12, 3, :a], &UsesGuard.kind/1))
IO.inspect(Enum.map([4, 40, 5], &UsesGuard.check/1))

defmodule Eq do
  defguard is_equal(a, b) when a == b
  defguard is_sum(a, b, c) when a + b == c
end

defmodule EqUser do
  require Eq

  def run do
    x = 1
    r1 = Eq.is_equal(x = 2, x)
    IO.inspect({r1, x}, label: "side by side")
    y = 5
    r2 = Eq.is_sum(y = 2, y, 7)
    IO.inspect({r2, y}, label: "three args")
    IO.inspect(Eq.is_equal(IO.inspect(:once), :once), label: "evaluated once")
  end
end

EqUser.run()
