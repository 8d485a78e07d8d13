# Two test modules, one async; failures numbered across modules.
ExUnit.start(seed: 0)

defmodule AAsyncTest do
  use ExUnit.Case, async: true

  test "a1", do: assert(1 == 1)
  test "a2", do: assert([1, 2] == [2, 1])
end

defmodule BSyncTest do
  use ExUnit.Case

  test "b1", do: assert("x" == "y")
  test "b2", do: assert(true)
end
