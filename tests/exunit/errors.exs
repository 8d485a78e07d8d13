# Tests that raise, throw or exit fail with Elixir's banner; the runner goes on.
ExUnit.start(seed: 0)

defmodule ErrorsTest.Custom do
  defexception [:message]
end

defmodule ErrorsTest do
  use ExUnit.Case

  test "raise" do
    raise "oops"
  end

  test "raise a custom exception" do
    raise ErrorsTest.Custom, message: "custom failure"
  end

  test "throw" do
    throw {:ball, 1}
  end

  test "exit" do
    exit(:boom)
  end

  test "match error" do
    {:ok, _} = fetch(:missing)
  end

  test "error in a helper" do
    helper(:x)
    :ok
  end

  test "error in an anonymous function" do
    Enum.map([1], fn _ -> raise ArgumentError, "in fn" end)
  end

  test "multi-line message" do
    raise "first\nsecond"
  end

  test "function clause error" do
    ErrorsTest.only_ok(:error)
    :ok
  end

  test "arithmetic error" do
    x = :a
    _ = 1 + x
  end

  test "a passing test after failures" do
    assert true
  end

  defp fetch(key), do: {:error, key}

  def only_ok(:ok), do: :ok

  def helper(x) do
    raise ErrorsTest.Custom, message: "helper got #{inspect(x)}"
    x
  end
end
