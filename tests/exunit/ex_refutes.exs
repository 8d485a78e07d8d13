# refute with operators and patterns, and assert on nil/false results of functions.
ExUnit.start(seed: 0)

defmodule Check do
  def valid?(x), do: is_integer(x) and x > 0
  def find(list, x), do: Enum.find(list, &(&1 == x))
end

defmodule RefutesTest do
  use ExUnit.Case

  test "refute ==", do: refute(Check.find([1, 2], 2) == 2)
  test "refute >", do: refute(3 > 1)
  test "refute =~", do: refute("abc" =~ "b")
  test "refute function", do: refute(Check.valid?(3))
  test "assert function false", do: assert(Check.valid?(-3))
  test "assert function nil", do: assert(Check.find([1, 2], 5))
  test "refute match", do: refute(match?([_ | _], [1]))
  test "assert not", do: assert(not Check.valid?(1))
  test "assert ! on a value", do: assert(!Check.find([1], 1))
end
