# Failures of assert and refute with each comparison operator.
ExUnit.start(seed: 0)

defmodule AssertOperatorsTest do
  use ExUnit.Case

  test "==" do
    assert 1 + 1 == 3
  end

  test "== with expressions on both sides" do
    list = [1, 2, 3]
    assert Enum.reverse(list) == list
  end

  test "!= with equal sides" do
    assert :a != :a
  end

  test "===" do
    assert 1 === 1.0
  end

  test "!== with equal sides" do
    assert "x" !== "x"
  end

  test "<" do
    assert 3 < 2
  end

  test "> with equal sides" do
    x = 5
    assert x > 5
  end

  test "<=" do
    assert 10 <= 9
  end

  test ">=" do
    assert [1] >= [2]
  end

  test "=~" do
    assert "hello world" =~ "bye"
  end

  test "in" do
    assert :c in [:a, :b]
  end

  test "refute ==" do
    refute 2 == 2
  end

  test "refute == with different but equal numbers" do
    refute 2 == 2.0
  end

  test "refute <" do
    refute 1 < 2
  end

  test "refute !==" do
    refute 1 !== 2
  end

  test "refute =~" do
    refute "abc" =~ "b"
  end

  test "refute in" do
    refute 2 in [1, 2, 3]
  end

  test "each side is evaluated once" do
    send(self(), :one)
    send(self(), :two)
    assert next() == next()
  end

  test "passing comparisons return their result" do
    assert (assert 1 == 1) == true
    assert (refute 1 == 2) == false
    assert (assert 1 in [1]) == true
  end

  defp next do
    receive do
      message -> message
    end
  end
end
