# Exceptions with multi-line and custom messages, raised by the code under test.
ExUnit.start(seed: 0)

defmodule ValidationError do
  defexception [:field, :reason]

  @impl true
  def message(%{field: f, reason: r}), do: "invalid #{f}:\n  #{r}"
end

defmodule Validator do
  def check!(%{age: age}) when age < 0, do: raise(ValidationError, field: :age, reason: "must be positive")
  def check!(map), do: map
end

defmodule RaiseMsgsTest do
  use ExUnit.Case

  test "multi-line message" do
    Validator.check!(%{age: -1})
  end

  test "assert_raise with a multi-line message mismatch" do
    assert_raise ValidationError, "invalid age", fn -> Validator.check!(%{age: -1}) end
  end

  test "assert_raise with the right message" do
    assert_raise ValidationError, "invalid age:\n  must be positive", fn ->
      Validator.check!(%{age: -1})
    end
  end

  test "raise a string with newlines" do
    raise "first line\nsecond line"
  end

  test "raise with an exception struct" do
    raise %ArgumentError{message: "built by hand"}
  end

  test "reraise" do
    try do
      raise "inner"
    rescue
      e -> reraise e, __STACKTRACE__
    end
  end
end
