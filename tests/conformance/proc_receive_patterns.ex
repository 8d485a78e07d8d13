# receive with several clauses: the first message that matches any clause wins.
defmodule T do
  def classify do
    receive do
      {:add, a, b} -> {:sum, a + b}
      {:mul, a, b} -> {:product, a * b}
      [h | _] -> {:head, h}
      %{type: t} -> {:map_type, t}
      :ping -> :pong
      n when is_integer(n) -> {:int, n}
      "txt" <> rest -> {:text, rest}
      other -> {:other, other}
    end
  end

  def main do
    msgs = [{:add, 2, 3}, {:mul, 4, 5}, [9, 8, 7], %{type: :event, id: 1}, :ping, 17,
            "txt:hello", {:unknown, :shape}, 3.5]
    Enum.each(msgs, fn m -> send(self(), m) end)
    for _ <- msgs, do: IO.inspect(classify())
    # value of receive is the value of the clause body
    send(self(), {:mul, 6, 7})
    v = receive do
      {:mul, a, b} -> a * b
    end
    IO.inspect(v, label: "receive value")
    # variables bound in a clause are usable after receive
    send(self(), {:point, 3, 4})
    {x, y} = receive do
      {:point, x, y} -> IO.inspect({x, y}, label: "bound")
    end
    IO.inspect(x * x + y * y, label: "after receive")
  end
end

T.main()
