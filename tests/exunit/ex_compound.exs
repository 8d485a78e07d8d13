# Compound and unusual assertion expressions.
ExUnit.start(seed: 0)

defmodule CompoundTest do
  use ExUnit.Case

  test "and" do
    x = 5
    assert x > 1 and x < 3
  end

  test "or" do
    assert 1 > 2 or 3 > 4
  end

  test "not" do
    assert not is_integer(1)
  end

  test "is_ guards" do
    assert is_binary(:atom)
  end

  test "nested call with pipe" do
    assert [3, 1, 2] |> Enum.sort() |> Enum.reverse() == [1, 2, 3]
  end

  test "comparison of lists with ==" do
    assert Enum.zip([1, 2], [:a, :b]) == [{1, :a}, {2, :c}]
  end

  test "string interpolation" do
    name = "World"
    assert "Hello, #{name}!" == "Hello, world!"
  end

  test "sigils" do
    assert ~w(a b c) == ~w(a b)
  end

  test "assert with a case" do
    assert (case 1 do
              1 -> false
              _ -> true
            end)
  end

  test "map access" do
    m = %{a: %{b: 1}}
    assert m[:a][:b] == 2
  end
end
