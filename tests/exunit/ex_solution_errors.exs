# The code under test raises: helpers that never return, private functions, recursion.
defmodule Bank do
  defmodule InsufficientFunds do
    defexception [:needed]
    def message(e), do: "insufficient funds: need #{e.needed} more"
  end

  def withdraw(balance, amount) when amount > balance do
    fail!(amount - balance)
  end

  def withdraw(balance, amount), do: balance - amount

  defp fail!(needed), do: raise(InsufficientFunds, needed: needed)

  def total([]), do: 0
  def total([h | t]), do: h.amount + total(t)

  def validate!(x) do
    check(x)
    :ok
  end

  defp check(x) when is_integer(x), do: :ok
  defp check(x), do: raise(ArgumentError, "not an integer: #{inspect(x)}")

  def stop(reason), do: throw({:stopped, reason})
end

ExUnit.start(seed: 0)

defmodule BankTest do
  use ExUnit.Case

  test "withdraw too much" do
    assert Bank.withdraw(10, 20) == -10
  end

  test "total with a bad entry" do
    assert Bank.total([%{amount: 1}, %{}]) == 1
  end

  test "validate" do
    assert Bank.validate!("1") == :ok
  end

  test "stop" do
    Bank.stop(:now)
  end

  test "helper in the test module" do
    fail_here(:x)
    :ok
  end

  test "anonymous function" do
    Enum.each([%{}], fn x -> x.missing end)
  end

  defp fail_here(x), do: raise("failed with #{inspect(x)}")
end
