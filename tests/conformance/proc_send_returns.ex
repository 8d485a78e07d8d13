# send/2 returns the message; messages to self() queue up in order.
defmodule T do
  def main do
    IO.inspect(send(self(), :hello))
    IO.inspect(send(self(), {:tuple, 1, "two"}))
    IO.inspect(send(self(), [1, 2, 3]))
    IO.inspect(send(self(), %{k: :v}))
    x = send(self(), 42) + 1
    IO.inspect(x, label: "send result used in arithmetic")
    IO.inspect(send(self(), "string") |> String.upcase())
    for _ <- 1..6 do
      receive do
        m -> IO.inspect(m, label: "got")
      end
    end
    # a pid is a fine message too
    send(self(), {:pid, self()})
    receive do
      {:pid, p} -> IO.inspect(p == self(), label: "pid round trip")
    end
    receive do
      m -> IO.inspect(m, label: "unexpected")
    after
      0 -> IO.puts("mailbox empty")
    end
  end
end

T.main()
