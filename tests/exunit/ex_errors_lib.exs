# Errors raised by library functions called by the code under test.
ExUnit.start(seed: 0)

defmodule Calc do
  def parse(s), do: String.to_integer(s)
  def double_all(list), do: Enum.map(list, fn x -> x * 2 end)
  def lookup(map, key), do: Map.fetch!(map, key)
  def kw(opts), do: Keyword.fetch!(opts, :name)
  def first([h | _]), do: h
  def head(list), do: hd(list)
  def add(a, b), do: a + b
  def sum(list), do: Enum.reduce(list, 0, fn x, acc -> x + acc end)
  def upcase(s), do: String.upcase(s)
end

defmodule ErrorsLibTest do
  use ExUnit.Case

  test "bad integer" do
    assert Calc.parse("12a") == 12
  end

  test "arithmetic on a string in Enum.map" do
    assert Calc.double_all([1, "2"]) == [2, 4]
  end

  test "missing key" do
    assert Calc.lookup(%{a: 1}, :b) == 1
  end

  test "missing keyword" do
    assert Calc.kw(age: 3) == "x"
  end

  test "no function clause" do
    assert Calc.first([]) == nil
  end

  test "hd of empty" do
    assert Calc.head([]) == nil
  end

  test "bad argument in arithmetic" do
    assert Calc.add(1, :two) == 3
  end

  test "reduce" do
    assert Calc.sum([1, nil]) == 1
  end

  test "undefined function" do
    assert Calc.missing(1) == 1
  end

  test "Enum.fetch! out of bounds" do
    assert Enum.fetch!(Calc.double_all([1]), 3) == 2
  end

  test "Enum.reduce/2 of an empty list" do
    assert Enum.reduce(Calc.double_all([]), &+/2) == 0
  end

  test "case clause" do
    case Calc.add(1, 1) do
      3 -> :ok
    end
  end

  test "with else" do
    x = 5
    cond do
      x > 10 -> :big
    end
  end
end
