ExUnit.start(seed: 0)
defmodule Calc do
  @doc """
  Adds.

      iex> Calc.add(1, 2)
      3
  """
  def add(a, b), do: a + b
end
defmodule CalcTest do
  use ExUnit.Case
  doctest Calc
  test "x" do
    assert Calc.add(1, 1) == 2
  end
end
