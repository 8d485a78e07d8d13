# Solutions with structs, protocols and String.Chars, failing in several ways.
defmodule Money do
  defstruct [:amount, :currency]

  def new(amount, currency), do: %Money{amount: amount, currency: currency}
  def add(%Money{currency: c} = a, %Money{currency: c} = b), do: %Money{a | amount: a.amount + b.amount}
  def add(%Money{}, %Money{}), do: raise(ArgumentError, "currency mismatch")
end

defimpl String.Chars, for: Money do
  def to_string(%Money{amount: a, currency: c}), do: "#{a} #{c}"
end

ExUnit.start(seed: 0)

defmodule MoneyTest do
  use ExUnit.Case

  test "to_string" do
    assert to_string(Money.new(5, :EUR)) == "5 USD"
  end

  test "add" do
    assert Money.add(Money.new(1, :EUR), Money.new(2, :EUR)) == Money.new(4, :EUR)
  end

  test "mismatch" do
    Money.add(Money.new(1, :EUR), Money.new(2, :USD))
  end

  test "no clause" do
    Money.add(%{amount: 1}, Money.new(2, :USD))
  end

  test "update a missing field" do
    m = Money.new(1, :EUR)
    assert %{m | cents: 1} == m
  end

  test "protocol not implemented" do
    assert Enum.count(Money.new(1, :EUR)) == 1
  end
end
