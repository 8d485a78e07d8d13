# 10_000 processes, each sends back a number; the parent sums them.
defmodule T do
  def collect(0, sum), do: sum

  def collect(n, sum) do
    receive do
      {:num, x} -> collect(n - 1, sum + x)
    end
  end

  def main do
    me = self()
    pids = for i <- 1..10_000, do: spawn(fn -> send(me, {:num, i}) end)
    IO.inspect(length(pids), label: "spawned")
    IO.inspect(length(Enum.uniq(pids)), label: "distinct pids")
    IO.inspect(collect(10_000, 0), label: "sum")
    # each process computes something from its captured argument
    Enum.each(1..2_000, fn i -> spawn(fn -> send(me, {:num, i * i}) end) end)
    IO.inspect(collect(2_000, 0), label: "sum of squares")
    # processes that wait for a message before answering
    waiting = for i <- 1..1_000 do
      spawn(fn ->
        receive do
          {:mult, k} -> send(me, {:num, i * k})
        end
      end)
    end
    Enum.each(waiting, &send(&1, {:mult, 3}))
    IO.inspect(collect(1_000, 0), label: "tripled")
  end
end

T.main()
