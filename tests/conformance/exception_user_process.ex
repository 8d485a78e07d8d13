defmodule BankError do
  defexception [:account, :amount, message: "bank error"]

  @impl true
  def message(%{account: a, amount: n}) when not is_nil(a), do: "account #{a} short by #{n}"
  def message(e), do: e.message
end

defmodule Plain do
  defexception message: "plain default"
end

defmodule Custom do
  defexception [:value]

  @impl true
  def exception(value), do: %Custom{value: value}

  @impl true
  def message(%Custom{value: v}), do: "custom: #{inspect(v)}"
end

defmodule Main do
  def run do
    for f <- [
          fn -> raise BankError end,
          fn -> raise BankError, account: 7, amount: 30 end,
          fn -> raise BankError, "direct message" end,
          fn -> raise %BankError{account: 1, amount: 2} end,
          fn -> raise Plain end,
          fn -> raise Plain, message: "given" end,
          fn -> raise Custom, {:a, 1} end,
          fn -> raise "runtime" end,
          fn -> raise ArgumentError end,
          fn -> raise ArgumentError, "bad arg" end,
          fn -> raise KeyError, key: :k, term: %{} end,
          fn -> :erlang.error(:badarith) end,
          fn -> :erlang.error({:badkey, :x}) end,
          fn -> :erlang.error(:some_reason) end,
          fn -> Map.fetch!(%{}, :nope) end,
          fn -> elem({}, 1) end,
          fn -> 1 + :a end
        ] do
      try do
        f.()
      rescue
        e in [BankError, Plain] -> IO.puts("bank/plain #{inspect(e.__struct__)}: #{Exception.message(e)}")
        e in Custom -> IO.puts("custom #{inspect(e)}: " <> Exception.message(e))
        e -> IO.puts("other #{inspect(e.__struct__)}: #{Exception.message(e)}")
      end
    end

    parent = self()
    pid = spawn(fn ->
      try do
        raise BankError, account: 99, amount: 1
      rescue
        e -> send(parent, {:rescued, Exception.message(e)})
      end
    end)
    receive do
      {:rescued, m} -> IO.puts("in process: " <> m)
    end
    _ = pid

    Process.flag(:trap_exit, true)
    linked = spawn_link(fn -> exit(%Plain{message: "as exit reason"}) end)
    receive do
      {:EXIT, ^linked, %Plain{} = e} -> IO.puts("exit with " <> Exception.message(e))
    end

    r = try do
      raise BankError, account: 1, amount: 1
    rescue
      e -> {:caught, e.account}
    after
      IO.puts("after ran")
    end
    IO.inspect(r)

    try do
      try do
        raise Plain
      rescue
        e -> reraise BankError, [account: 5, amount: 6], __STACKTRACE__
        _ -> :never
      end
    rescue
      e -> IO.puts("reraised: " <> Exception.message(e))
    end

    IO.inspect(Exception.exception?(%Plain{}))
    IO.inspect(Exception.exception?(%{}))
    IO.puts(Exception.format_banner(:error, %Plain{}))
    IO.puts(Exception.format_banner(:throw, :ball))
    IO.puts(Exception.format_banner(:exit, :normal))
    IO.inspect(%Plain{})
    IO.inspect(Plain.exception(message: "x"))
  end
end

Main.run()
