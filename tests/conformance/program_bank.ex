defmodule Bank do
  @fee 2

  def new, do: %{accounts: %{}, log: []}

  def open(bank, id, initial \\ 0) do
    if Map.has_key?(bank.accounts, id) do
      {:error, :exists}
    else
      {:ok, %{bank | accounts: Map.put(bank.accounts, id, initial), log: [{:open, id} | bank.log]}}
    end
  end

  def transfer(bank, from, to, amount) do
    with {:ok, fb} <- Map.fetch(bank.accounts, from),
         {:ok, tb} <- Map.fetch(bank.accounts, to),
         true <- fb >= amount + @fee || {:error, :insufficient} do
      accounts = bank.accounts |> Map.put(from, fb - amount - @fee) |> Map.put(to, tb + amount)
      {:ok, %{bank | accounts: accounts, log: [{:transfer, from, to, amount} | bank.log]}}
    else
      :error -> {:error, :no_account}
      {:error, _} = err -> err
    end
  end
end

bank = Bank.new()
{:ok, bank} = Bank.open(bank, :alice, 100)
{:ok, bank} = Bank.open(bank, :bob)
IO.inspect(Bank.open(bank, :bob))
{:ok, bank} = Bank.transfer(bank, :alice, :bob, 50)
IO.inspect(bank.accounts)
IO.inspect(Bank.transfer(bank, :alice, :bob, 47))
IO.inspect(Bank.transfer(bank, :alice, :carol, 1))
{:ok, bank} = Bank.transfer(bank, :bob, :alice, 10)
IO.inspect(bank.accounts)
IO.inspect(Enum.reverse(bank.log))
Enum.each(bank.accounts, fn {who, bal} -> IO.puts("#{who}: #{bal}") end)
IO.puts("total: #{bank.accounts |> Map.values() |> Enum.sum()}")
