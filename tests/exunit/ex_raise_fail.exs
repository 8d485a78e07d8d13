# assert_raise failures: wrong exception, wrong message, nothing raised.
ExUnit.start(seed: 0)

defmodule RaiseFail do
  def divide(_, 0), do: raise(ArgumentError, "cannot divide by zero")
  def divide(a, b), do: div(a, b)
end

defmodule RaiseFailTest do
  use ExUnit.Case

  test "right exception passes" do
    assert_raise ArgumentError, fn -> RaiseFail.divide(1, 0) end
  end

  test "right message passes" do
    assert_raise ArgumentError, "cannot divide by zero", fn -> RaiseFail.divide(1, 0) end
  end

  test "regex message passes" do
    assert_raise ArgumentError, ~r/divide/, fn -> RaiseFail.divide(1, 0) end
  end

  test "wrong exception" do
    assert_raise RuntimeError, fn -> RaiseFail.divide(1, 0) end
  end

  test "wrong message" do
    assert_raise ArgumentError, "division by zero", fn -> RaiseFail.divide(1, 0) end
  end

  test "wrong regex" do
    assert_raise ArgumentError, ~r/^zero/, fn -> RaiseFail.divide(1, 0) end
  end

  test "nothing raised" do
    assert_raise ArgumentError, fn -> RaiseFail.divide(4, 2) end
  end

  test "arithmetic error" do
    assert_raise ArithmeticError, fn -> 1 / 0 end
  end

  test "returns the exception" do
    e = assert_raise ArgumentError, fn -> RaiseFail.divide(1, 0) end
    assert e.message == "something else"
  end

  test "a throw instead" do
    assert_raise ArgumentError, fn -> throw(:oops) end
  end
end
