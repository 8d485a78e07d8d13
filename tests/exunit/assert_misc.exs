# assert_in_delta, refute_in_delta, flunk and catch_*.
ExUnit.start(seed: 0)

defmodule AssertMiscTest do
  use ExUnit.Case

  test "in delta passes" do
    assert assert_in_delta(1.0, 1.1, 0.2) == true
    assert refute_in_delta(10, 20, 5) == false
  end

  test "assert_in_delta" do
    assert_in_delta 1.0, 2.0, 0.5
  end

  test "assert_in_delta with a message" do
    assert_in_delta 10, 15, 2, "too far"
  end

  test "refute_in_delta" do
    refute_in_delta 1.0, 1.25, 0.5
  end

  test "refute_in_delta with a message" do
    refute_in_delta 3, 3, 1, "too close"
  end

  test "flunk" do
    flunk "not yet"
  end

  test "flunk without a message" do
    flunk()
  end

  test "catch_* return what they caught" do
    assert catch_throw(throw(:ball)) == :ball
    assert catch_exit(exit(:bye)) == :bye
    assert catch_error(:erlang.error(:raw)) == :raw
    assert %RuntimeError{message: "x"} = catch_error(raise "x")
  end

  test "catch_throw with nothing thrown" do
    catch_throw(1 + 1)
  end

  test "catch_exit with nothing" do
    catch_exit(:ok)
  end

  test "catch_error with nothing" do
    catch_error(:ok)
  end
end
