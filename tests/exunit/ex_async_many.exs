# Several modules; the summary counts excluded and skipped tests (async modules would
# interleave their output at random).
ExUnit.start(seed: 0, exclude: :slow)

defmodule OneTest do
  use ExUnit.Case
  test "one a", do: assert(1 == 1)
  @tag :slow
  test "one slow", do: assert(false)
end

defmodule TwoTest do
  use ExUnit.Case
  test "two a", do: assert(2 == 3)
  @tag :skip
  test "two skipped", do: assert(false)
end

defmodule ThreeTest do
  use ExUnit.Case
  test "three a", do: assert(3 == 3)
  test "three b", do: assert({1, 2} == {2, 1})
end
