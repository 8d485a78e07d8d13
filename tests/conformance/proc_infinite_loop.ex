# A process spinning forever does not keep the program alive after the main script ends.
defmodule Spinner do
  def start, do: spawn(fn -> loop() end)
  defp loop, do: loop()

  def counting(n), do: counting(n + 1)
end

defmodule T do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)

  def main do
    spinners = for _ <- 1..2, do: Spinner.start()
    spawn(fn -> Spinner.counting(0) end)
    IO.inspect(Enum.all?(spinners, &Process.alive?/1), label: "spinners alive")
    # main keeps getting scheduled while they spin
    IO.inspect(fib(20), label: "fib(20)")
    me = self()
    spawn(fn -> send(me, {:answer, Enum.sum(1..1000)}) end)
    receive do
      {:answer, a} -> IO.inspect(a, label: "another process still answers")
    end
    receive do
    after
      30 -> IO.puts("timers still work")
    end
    IO.puts("main done")
  end
end

T.main()
