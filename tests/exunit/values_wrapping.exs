# Long values wrap at 80 columns under their label; long code is reformatted.
ExUnit.start(seed: 0)

defmodule ValuesWrappingTest do
  use ExUnit.Case

  test "long lists" do
    assert Enum.to_list(1..40) == Enum.to_list(2..41)
  end

  test "long list on the left only" do
    list = Enum.to_list(1..30)
    assert list != Enum.to_list(1..30)
  end

  test "maps" do
    assert %{a: 1, b: %{c: [1, 2, 3]}} ==
             %{a: 1, b: %{c: [1, 2, 4]}, d: "a long string that goes on and on and on and on"}
  end

  test "nested tuples and keyword lists" do
    assert {:ok, [name: "a name", tags: [:one, :two, :three], meta: %{created: 1, updated: 2}]} ==
             {:ok, [name: "another name", tags: [:one, :two], meta: %{created: 1, updated: 3}]}
  end

  test "strings with newlines" do
    assert "line1\nline2" == "line1\nline3"
  end

  test "long arguments" do
    list = Enum.to_list(1..40)
    map = %{key: "value", other: [1, 2, 3]}
    assert same?(list, map)
  end

  test "long pattern" do
    assert {:ok, %{name: _, email: _, roles: [:admin | _]}} = {:ok, %{name: "n", email: "e", roles: [:user]}}
  end

  test "more than 50 elements" do
    assert Enum.to_list(1..60) == []
  end

  defp same?(a, b), do: a == b
end
