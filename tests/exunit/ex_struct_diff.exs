# Structs, sets, ranges and other values in failures.
ExUnit.start(seed: 0)

defmodule Point do
  defstruct x: 0, y: 0
end

defmodule StructDiffTest do
  use ExUnit.Case

  test "struct fields" do
    assert %Point{x: 1, y: 2} == %Point{x: 1, y: 3}
  end

  test "struct vs map" do
    assert %Point{} == %{x: 0, y: 0}
  end

  test "struct pattern" do
    assert %Point{x: 5} = %Point{x: 1}
  end

  test "MapSet" do
    assert MapSet.new([1, 2, 3]) == MapSet.new([1, 2])
  end

  test "range" do
    assert 1..3 == 1..4
  end

  test "nil vs value" do
    assert nil == %{}
  end

  test "atoms and strings" do
    assert :ok == "ok"
  end

  test "big numbers" do
    assert 123_456_789_012_345_678_901_234_567_890 == 123_456_789_012_345_678_901_234_567_891
  end

  test "unicode strings" do
    assert "héllo wörld" == "hello world"
  end

  test "tuples of different size" do
    assert {1, 2} == {1, 2, 3}
  end
end
