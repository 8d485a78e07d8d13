# Failing assertions with each comparison operator, membership and negation.
ExUnit.start(seed: 0)

defmodule OperatorsFailTest do
  use ExUnit.Case

  test "==", do: assert(1 + 1 == 3)
  test "!=", do: assert(:a != :a)
  test "===", do: assert(1 === 1.0)
  test "!==", do: assert("x" !== "x")
  test "<", do: assert(5 < 2)
  test ">", do: assert(2 > 5)
  test "<=", do: assert(5 <= 2)
  test ">=", do: assert(2 >= 5)
  test "=~", do: assert("hello world" =~ ~r/bye/)
  test "in list", do: assert(4 in [1, 2, 3])
  test "not in", do: assert(2 not in [1, 2, 3])
  test "refute ==", do: refute(1 == 1)
  test "refute in", do: refute(1 in [1, 2])
  test "&& and ||", do: assert(nil || false)
  test "function result", do: assert(Enum.empty?([1]))
  test "negated", do: assert(!Enum.member?([1, 2], 1))
  test "refute truthy", do: refute(Enum.member?([1, 2], 1))
  test "with message", do: assert(1 == 2, "one is not two")
  test "refute with message", do: refute(true, "it was true")
end
