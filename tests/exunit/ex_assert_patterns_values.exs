# Values in failures: variables in assertions show their values.
ExUnit.start(seed: 0)

defmodule ValuesTest do
  use ExUnit.Case

  test "variables" do
    a = [1, 2, 3]
    b = Enum.reverse(a)
    assert a == b
  end

  test "function calls with args" do
    list = [3, 1, 2]
    assert Enum.sort(list) == list
  end

  test "pipelines" do
    assert "abc" |> String.upcase() |> String.reverse() == "ABC"
  end

  test "assert with a non-boolean expression" do
    map = %{}
    assert Map.get(map, :key)
  end

  test "length" do
    assert length([1, 2]) == 3
  end

  test "multi-line assertion" do
    assert %{
             a: 1,
             b: 2
           } == %{a: 1, b: 3}
  end
end
