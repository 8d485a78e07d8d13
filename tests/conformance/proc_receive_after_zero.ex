# `after 0` checks the mailbox without waiting.
defmodule T do
  def poll do
    receive do
      m -> {:got, m}
    after
      0 -> :empty
    end
  end

  def drain(acc) do
    receive do
      m -> drain([m | acc])
    after
      0 -> Enum.reverse(acc)
    end
  end

  def main do
    IO.inspect(poll(), label: "empty mailbox")
    send(self(), :one)
    IO.inspect(poll(), label: "one message")
    IO.inspect(poll(), label: "empty again")
    Enum.each(1..5, &send(self(), {:n, &1}))
    IO.inspect(drain([]), label: "drained")
    IO.inspect(drain([]), label: "drained again")
    # after 0 with a non-matching message present
    send(self(), :other)
    r = receive do
      :wanted -> :wanted
    after
      0 -> :timeout
    end
    IO.inspect(r, label: "only non-matching")
    IO.inspect(poll(), label: "it is still there")
    # the after body can compute
    v = receive do
      _ -> :x
    after
      0 ->
        a = 20
        a * 2 + 2
    end
    IO.inspect(v, label: "after body value")
  end
end

T.main()
