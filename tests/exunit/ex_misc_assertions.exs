# assert_in_delta, catch_*, flunk, refute_in_delta.
ExUnit.start(seed: 0)

defmodule MiscAssertionsTest do
  use ExUnit.Case

  test "in delta passes", do: assert_in_delta(1.0, 1.05, 0.1)
  test "in delta fails", do: assert_in_delta(1.0, 1.5, 0.1)
  test "in delta with message", do: assert_in_delta(10, 20, 5, "too far")
  test "refute in delta", do: refute_in_delta(1.0, 1.01, 0.1)
  test "catch_throw passes", do: assert(catch_throw(throw(:x)) == :x)
  test "catch_throw nothing", do: catch_throw(:ok)
  test "catch_exit nothing", do: catch_exit(:ok)
  test "catch_error nothing", do: catch_error(1 + 1)
  test "catch_exit passes", do: assert(catch_exit(exit(:bye)) == :bye)
  test "catch_error value", do: assert(catch_error(raise "boom") == :boom)
  test "flunk", do: flunk("not written yet")
  test "flunk default", do: flunk()
  test "assert nil", do: assert(nil)
  test "assert false with message", do: assert(false, "nope")
  test "refute value", do: refute(%{a: 1})
end
