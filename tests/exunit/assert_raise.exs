# assert_raise/2,3: the rescued exception, and each way it fails.
ExUnit.start(seed: 0)

defmodule AssertRaiseTest.MyError do
  defexception [:message]
end

defmodule AssertRaiseTest do
  use ExUnit.Case

  test "returns the exception" do
    error = assert_raise RuntimeError, fn -> raise "boom" end
    assert error.message == "boom"
    error = assert_raise AssertRaiseTest.MyError, "custom", fn -> raise AssertRaiseTest.MyError, "custom" end
    assert error.message == "custom"
  end

  test "errors are normalized" do
    assert_raise ArithmeticError, fn -> 1 + String.to_atom("a") end
    assert_raise ArgumentError, "argument error", fn -> :erlang.error(:badarg) end
  end

  test "nothing raised" do
    assert_raise ArgumentError, fn -> :ok end
  end

  test "another exception" do
    assert_raise ArgumentError, fn -> raise "oops" end
  end

  test "another exception from a helper" do
    assert_raise KeyError, fn -> fail() end
  end

  test "wrong message" do
    assert_raise RuntimeError, "expected", fn -> raise "actual" end
  end

  test "an assertion inside fails as itself" do
    assert_raise RuntimeError, fn -> assert 1 == 2 end
  end

  test "throws are not caught" do
    assert_raise RuntimeError, fn -> throw(:ball) end
  end

  defp fail, do: raise(AssertRaiseTest.MyError, "from helper")
end
