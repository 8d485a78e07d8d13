# Long values: left/right layout over 80 columns, lists, maps, strings.
ExUnit.start(seed: 0)

defmodule User do
  defstruct [:name, :email, :age, roles: []]
end

defmodule WrappingTest do
  use ExUnit.Case

  test "long lists" do
    assert Enum.to_list(1..40) == Enum.to_list(2..41)
  end

  test "long maps" do
    assert %{name: "Alice", email: "alice@example.com", age: 30, city: "Paris"} ==
             %{name: "Alice", email: "alice@example.org", age: 31, city: "Paris"}
  end

  test "structs" do
    assert %User{name: "Ann", email: "ann@example.com", age: 40, roles: [:admin]} ==
             %User{name: "Ann", email: "ann@example.com", age: 41, roles: [:admin, :editor]}
  end

  test "multi-line strings" do
    assert "line one\nline two\nline three\n" == "line one\nline 2\nline three\n"
  end

  test "long strings" do
    assert String.duplicate("abc", 30) == String.duplicate("abc", 29) <> "abd"
  end

  test "keyword lists" do
    assert [alpha: 1, beta: 2, gamma: 3, delta: 4, epsilon: 5, zeta: 6, eta: 7, theta: 8] ==
             [alpha: 1, beta: 2, gamma: 3, delta: 4, epsilon: 5, zeta: 6, eta: 7, theta: 9]
  end

  test "nested tuples" do
    assert {:ok, [{:item, 1, "first"}, {:item, 2, "second"}, {:item, 3, "third"}]} ==
             {:ok, [{:item, 1, "first"}, {:item, 2, "second"}, {:item, 3, "3rd"}]}
  end

  test "charlists and strings" do
    assert 'hello' == "hello"
  end

  test "floats and integers" do
    assert [1.0, 2.5, 3] == [1, 2.5, 3.0]
  end
end
