# Big nested values in left/right: wrapping of lists of maps, tuples, keyword lists.
ExUnit.start(seed: 0)

defmodule Inventory do
  def items do
    for i <- 1..6, do: %{id: i, name: "item #{i}", tags: [:new, :sale], price: i * 1.5}
  end

  def grid, do: for(r <- 1..4, do: for(c <- 1..8, do: r * c))
end

defmodule BigValuesTest do
  use ExUnit.Case

  test "list of maps" do
    assert Inventory.items() == tl(Inventory.items())
  end

  test "grid" do
    assert Inventory.grid() == [[1, 2, 3], [2, 4, 6]]
  end

  test "pattern against a big value" do
    assert [%{id: 2} | _] = Inventory.items()
  end

  test "map with string keys" do
    assert %{"alpha" => 1, "beta" => [1, 2, 3], "gamma" => %{"nested" => true, "deep" => [a: 1]}} ==
             %{"alpha" => 1, "beta" => [1, 2, 3], "gamma" => %{"nested" => false}}
  end

  test "floats" do
    assert [0.1 + 0.2, 1.0e-10, 123_456_789.123, 1.0e20] == [0.3, 0.0, 123_456_789.0, 1.0e21]
  end

  test "binary and bitstring" do
    assert <<1, 2, 3>> == <<1, 2, 3, 4::4>>
  end
end
