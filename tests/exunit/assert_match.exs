# assert with = and match?: failures, pinned variables, bound variables.
ExUnit.start(seed: 0)

defmodule AssertMatchTest do
  use ExUnit.Case

  test "binds the pattern's variables" do
    assert {:ok, value} = {:ok, 42}
    assert value == 42
    assert [head | tail] = [1, 2, 3]
    assert {head, tail} == {1, [2, 3]}
    assert %{a: a, b: %{c: c}} = %{a: 1, b: %{c: 2}}
    assert a + c == 3
    assert "prefix" <> rest = "prefix-rest"
    assert rest == "-rest"
  end

  test "returns the matched value" do
    assert assert({:ok, _} = {:ok, 1}) == {:ok, 1}
  end

  test "match failure" do
    assert {:ok, _} = {:error, :enoent}
  end

  test "match failure with a variable" do
    assert {:ok, result} = {:error, :timeout}
    result
  end

  test "match failure with pins" do
    expected = 1
    other = :b
    assert {^expected, ^other, _} = {2, :b, 3}
  end

  test "map pattern" do
    assert %{name: "joe"} = %{name: "mike", age: 3}
  end

  test "list pattern" do
    assert [1, 2] = [1 | [3]]
  end

  test "match of a falsy value" do
    assert nil = nil
  end

  test "match? failure" do
    assert match?({:ok, _}, :error)
  end

  test "match? failure with a pin" do
    x = 10
    assert match?(%{x: ^x}, %{x: 11})
  end

  test "match? with a guard" do
    assert match?(n when n > 10, 5)
  end

  test "refute match? failure" do
    refute match?([_ | _], [1])
  end

  test "passing match? and refute match?" do
    assert match?({:ok, _}, {:ok, 1})
    refute match?({:ok, _}, :error)
  end
end
