# Tests and describes generated with for at compile time; @tag per generated test.
ExUnit.start(seed: 0)

defmodule Roman do
  @map [{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}]
  def numeral(0), do: ""

  def numeral(n) do
    {v, s} = Enum.find(@map, fn {v, _} -> v <= n end)
    s <> numeral(n - v)
  end
end

defmodule RomanTest do
  use ExUnit.Case

  for {n, expected} <- [{1, "I"}, {4, "IV"}, {9, "IX"}, {14, "XIV"}, {1990, "MCMXC"}, {3, "II"}] do
    @tag number: n
    test "#{n} is #{expected}", %{number: number} do
      assert Roman.numeral(number) == unquote(expected)
    end
  end

  for group <- ["small", "large"] do
    describe group do
      test "non-empty" do
        assert Roman.numeral(if unquote(group) == "small", do: 2, else: 2000) != ""
      end
    end
  end
end
