# Pattern assertions that fail: the pattern and the right-hand value.
ExUnit.start(seed: 0)

defmodule MatchFail do
  def fetch(:ok), do: {:ok, %{id: 1, name: "Ann"}}
  def fetch(:err), do: {:error, :not_found}
  def list, do: [1, 2, 3]
end

defmodule MatchFailTest do
  use ExUnit.Case

  test "tuple pattern" do
    assert {:ok, _} = MatchFail.fetch(:err)
  end

  test "map pattern" do
    assert %{a: 1} = %{a: 2, b: 3}
  end

  test "nested map pattern" do
    assert {:ok, %{name: "Bob"}} = MatchFail.fetch(:ok)
  end

  test "list pattern" do
    assert [_, _] = MatchFail.list()
  end

  test "pinned" do
    expected = 3
    assert ^expected = length([1, 2])
  end

  test "match?" do
    assert match?({:ok, _}, MatchFail.fetch(:err))
  end

  test "refute match?" do
    refute match?({:ok, _}, MatchFail.fetch(:ok))
  end

  test "refute pattern" do
    refute {:ok, _} = MatchFail.fetch(:ok)
  end

  test "binding survives" do
    assert {:ok, %{id: id}} = MatchFail.fetch(:ok)
    assert id == 2
  end

  test "string prefix" do
    assert "foo" <> _ = "bar baz"
  end
end
