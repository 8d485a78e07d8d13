defmodule Account do
  def deposit(balance, amount) when amount > 0 do
    log("deposit", amount)
    balance + amount
  end

  def withdraw(balance, amount) do
    if allowed?(balance, amount) do
      log("withdraw", amount)
      {:ok, balance - amount}
    else
      {:error, :insufficient}
    end
  end

  defp allowed?(balance, amount), do: amount <= balance

  defp log(op, amount) do
    IO.puts("#{op} #{amount}")
  end
end

b = Account.deposit(100, 50)
IO.inspect(b)
IO.inspect(Account.withdraw(b, 30))
IO.inspect(Account.withdraw(b, 300))
IO.inspect(Account.withdraw(Account.deposit(0, 5), 5))
