# runs, then dies of a defexception whose message/1 builds the text from its fields: the banner shows that text
defmodule InsufficientFunds do
  defexception [:balance, :amount]

  @impl true
  def message(%{balance: b, amount: a}), do: "cannot withdraw #{a}, balance is #{b}"
end

defmodule Bank do
  def withdraw(balance, amount) when amount > balance,
    do: raise(InsufficientFunds, balance: balance, amount: amount)

  def withdraw(balance, amount), do: balance - amount
end

IO.puts(Bank.withdraw(10, 3))
Bank.withdraw(0, 5)
