# make_ref/0 gives unique references; they tag requests and replies.
defmodule T do
  def main do
    a = make_ref()
    b = make_ref()
    IO.inspect(is_reference(a), label: "is_reference")
    IO.inspect(a == b, label: "two refs equal")
    IO.inspect(a == a, label: "ref equals itself")
    refs = for _ <- 1..1000, do: make_ref()
    IO.inspect(length(Enum.uniq(refs)), label: "unique of 1000")
    IO.inspect(is_reference(self()), label: "pid is a reference")
    IO.inspect(is_pid(a), label: "ref is a pid")
    # refs survive a trip through messages and data structures
    me = self()
    spawn(fn -> send(me, {:back, a, %{ref: b}}) end)
    receive do
      {:back, ra, %{ref: rb}} -> IO.inspect({ra == a, rb == b}, label: "round trip")
    end
    # answers come back tagged, matched out of order
    tags = for n <- 1..3 do
      ref = make_ref()
      spawn(fn ->
        Process.sleep((4 - n) * 40)
        send(me, {ref, n * 11})
      end)
      ref
    end
    answers = for ref <- tags do
      receive do
        {^ref, v} -> v
      end
    end
    IO.inspect(answers, label: "tagged answers in request order")
    m = %{a => :first, b => :second}
    IO.inspect(Map.get(m, b), label: "ref as map key")
    IO.inspect(Enum.sort([b, a]) == Enum.sort([a, b]), label: "refs sort consistently")
  end
end

T.main()
