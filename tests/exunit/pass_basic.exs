# Passing tests in several modules: dots, the summary, exit status 0.
ExUnit.start(seed: 0)

defmodule PassBasic.MathTest do
  use ExUnit.Case

  test "addition" do
    assert 1 + 1 == 2
  end

  test "comparison returns the value" do
    assert (1 < 2) == true
    assert assert(3 > 2) == true
  end

  test "refute" do
    refute 1 > 2
    refute nil
  end
end

defmodule PassBasic.StringTest do
  use ExUnit.Case, async: true

  test "concatenation", do: assert("a" <> "b" == "ab")

  describe "upcase" do
    test "ascii" do
      assert String.upcase("abc") == "ABC"
    end
  end
end

defmodule PassBasic.EmptyTest do
  use ExUnit.Case
end
