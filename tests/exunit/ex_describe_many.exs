# Several describe blocks, tests with the same name in different describes, failures.
ExUnit.start(seed: 0)

defmodule Counter do
  def inc(n), do: n + 1
  def dec(n), do: n - 1
end

defmodule DescribeManyTest do
  use ExUnit.Case

  describe "inc/1" do
    test "adds one", do: assert(Counter.inc(1) == 2)
    test "works on negatives", do: assert(Counter.inc(-1) == 1)
  end

  describe "dec/1" do
    test "adds one", do: assert(Counter.dec(1) == 2)
    test "subtracts one", do: assert(Counter.dec(1) == 0)
  end

  test "outside any describe", do: assert(Counter.dec(Counter.inc(5)) == 6)
end
