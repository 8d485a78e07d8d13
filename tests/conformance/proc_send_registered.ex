# send/2 accepts a registered name as destination.
defmodule Echo do
  def loop do
    receive do
      {:echo, from, msg} ->
        send(from, {:echoed, msg})
        loop()
      :stop -> :ok
    end
  end
end

defmodule T do
  def main do
    pid = spawn(&Echo.loop/0)
    IO.inspect(Process.register(pid, :echo), label: "register")
    IO.inspect(send(:echo, {:echo, self(), "hi"}) |> elem(2), label: "send by name returns msg")
    receive do
      {:echoed, m} -> IO.inspect(m, label: "reply")
    end
    for w <- [:one, :two, :three], do: send(:echo, {:echo, self(), w})
    replies = for _ <- 1..3 do
      receive do
        {:echoed, m} -> m
      end
    end
    IO.inspect(replies, label: "in order")
    # registering self and sending to own name
    Process.register(self(), :main_proc)
    send(:main_proc, :to_myself)
    receive do
      :to_myself -> IO.puts("received message sent to my own name")
    end
    send(:echo, :stop)
    IO.puts("done")
  end
end

T.main()
