defmodule Account do
  defstruct [:owner, balance: 0, history: []]

  defmodule InsufficientFunds do
    defexception [:needed, :available]

    @impl true
    def message(%{needed: n, available: a}), do: "insufficient funds: needed #{n}, available #{a}"
  end

  def new(owner), do: %__MODULE__{owner: owner}

  def deposit(%__MODULE__{} = acc, amount) when amount > 0 do
    %{acc | balance: acc.balance + amount, history: [{:deposit, amount} | acc.history]}
  end

  def withdraw(%__MODULE__{balance: b} = acc, amount) when amount <= b do
    %{acc | balance: b - amount, history: [{:withdraw, amount} | acc.history]}
  end

  def withdraw(%__MODULE__{balance: b}, amount) do
    raise InsufficientFunds, needed: amount, available: b
  end
end

defimpl String.Chars, for: Account do
  def to_string(acc), do: "#{acc.owner}: $#{:erlang.float_to_binary(acc.balance / 1, decimals: 2)}"
end

defimpl Inspect, for: Account do
  import Inspect.Algebra
  def inspect(acc, opts), do: concat(["#Account<", to_doc(acc.owner, opts), ", ", to_doc(acc.balance, opts), ">"])
end

acc = Account.new("Ada") |> Account.deposit(100) |> Account.withdraw(30) |> Account.deposit(5)
IO.puts(acc)
IO.inspect(acc)
IO.inspect(acc.history)
IO.inspect([acc, acc], label: "two")

try do
  Account.withdraw(acc, 1000)
rescue
  e in Account.InsufficientFunds -> IO.puts("Error: " <> Exception.message(e))
end

result =
  with {:ok, a} <- {:ok, Account.new("Bob")},
       a = Account.deposit(a, 50),
       {:ok, a} <- (try do {:ok, Account.withdraw(a, 80)} rescue e -> {:error, e} end) do
    a
  else
    {:error, %Account.InsufficientFunds{} = e} -> "failed: #{e.needed}"
  end

IO.inspect(result)
IO.inspect(Map.from_struct(acc) |> Map.keys())
IO.inspect(struct(Account, owner: "Cy", balance: 7))
Account.withdraw(acc, 500)
