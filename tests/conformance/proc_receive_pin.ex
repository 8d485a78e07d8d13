# Pinned variables in receive patterns select specific messages.
defmodule T do
  def wait_for(tag) do
    receive do
      {^tag, value} -> value
    after
      0 -> :none
    end
  end

  def main do
    send(self(), {:b, 2})
    send(self(), {:a, 1})
    send(self(), {:c, 3})
    IO.inspect(wait_for(:a), label: ":a")
    IO.inspect(wait_for(:c), label: ":c")
    IO.inspect(wait_for(:z), label: ":z")
    IO.inspect(wait_for(:b), label: ":b")
    IO.inspect(wait_for(:a), label: ":a again")

    # replies from several workers, collected by their pid in a chosen order
    me = self()
    pids = for n <- [3, 1, 2] do
      spawn(fn -> send(me, {self(), n * 100}) end)
    end
    results = for pid <- Enum.reverse(pids) do
      receive do
        {^pid, v} -> v
      end
    end
    IO.inspect(results, label: "in reverse spawn order")

    # pin inside nested data
    id = 7
    send(self(), %{id: 8, body: "eight"})
    send(self(), %{id: 7, body: "seven"})
    receive do
      %{id: ^id, body: b} -> IO.puts("id #{id}: #{b}")
    end
    receive do
      %{id: other, body: b} -> IO.puts("then id #{other}: #{b}")
    end
  end
end

T.main()
