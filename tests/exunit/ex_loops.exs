# Assertions inside Enum.each / for / Enum.map: anonymous fn frames and Enum's.
ExUnit.start(seed: 0)

defmodule Squares do
  def square(x) when x > 3, do: x * x + 1
  def square(x), do: x * x
end

defmodule LoopsTest do
  use ExUnit.Case

  test "each" do
    Enum.each(1..5, fn x -> assert Squares.square(x) == x * x end)
  end

  test "for" do
    for x <- [1, 2, 4] do
      assert Squares.square(x) == x * x
    end
  end

  test "map" do
    Enum.map([1, 5], fn x -> assert Squares.square(x) == x * x end)
  end

  test "reduce" do
    Enum.reduce([1, 2, 5], 0, fn x, acc ->
      assert Squares.square(x) == x * x
      acc + x
    end)
  end

  @cases [{1, 1}, {2, 4}, {4, 16}]
  for {input, expected} <- @cases do
    test "generated #{input}" do
      assert Squares.square(unquote(input)) == unquote(expected)
    end
  end
end
