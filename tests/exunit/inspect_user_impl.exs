# ExUnit prints failing values through the Inspect protocol: a user
# implementation shows in left:/right:, in a long pretty value and in
# arguments of a failed call.
ExUnit.start(seed: 0)

defmodule P do
  defstruct [:a]

  defimpl Inspect do
    def inspect(p, opts), do: Inspect.Algebra.concat(["#P<", Inspect.Algebra.to_doc(p.a, opts), ">"])
  end
end

defmodule InspectUserImplTest do
  use ExUnit.Case

  test "left and right" do
    assert [%P{a: 1}, 2] == [%P{a: 2}, 3]
  end

  test "long values" do
    assert Enum.map(1..30, &%P{a: &1}) == Enum.map(1..30, &%P{a: &1 * 100})
  end

  test "match" do
    assert {:ok, %P{a: 1}} = {:error, %P{a: [1, 2, 3]}}
  end
end
