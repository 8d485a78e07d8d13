# assert and refute on plain values and calls, and custom messages.
ExUnit.start(seed: 0)

defmodule AssertTruthyTest do
  use ExUnit.Case

  test "nil" do
    value = nil
    assert value
  end

  test "false literal" do
    assert false
  end

  test "local call shows its arguments" do
    x = "abc"
    assert is_integer(x)
  end

  test "remote call with two arguments" do
    map = %{a: 1}
    key = :b
    assert Map.has_key?(map, key)
  end

  test "call with literal arguments shows none" do
    assert String.contains?("abc", "z")
  end

  test "anonymous function call" do
    f = fn x -> x > 10 end
    assert f.(3)
  end

  test "operators and macros show no arguments" do
    x = false
    assert x or false
  end

  test "not" do
    x = 1
    assert not is_integer(x)
  end

  test "refute a truthy value" do
    refute {:ok, 1}
  end

  test "refute a call" do
    refute is_atom(:a)
  end

  test "assert with a message" do
    assert 1 == 2, "one is not two"
  end

  test "refute with a message" do
    refute true, "it was true"
  end

  test "multi-line message" do
    assert false, "first line\nsecond line"
  end

  test "passing values are returned" do
    assert assert(5) == 5
    assert refute(nil) == nil
    assert refute(false) == false
    assert assert(:x, "message") == true
  end
end
