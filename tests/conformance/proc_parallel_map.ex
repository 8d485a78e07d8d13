# A parallel map: one process per element, results gathered in input order.
defmodule Par do
  def map(list, fun) do
    me = self()
    list
    |> Enum.map(fn x -> spawn(fn -> send(me, {self(), fun.(x)}) end) end)
    |> Enum.map(fn pid ->
      receive do
        {^pid, result} -> result
      end
    end)
  end

  # like map, but a crash in one element gives {:error, reason} for it
  def safe_map(list, fun) do
    list
    |> Enum.map(fn x -> spawn_monitor(fn -> exit({:ok, fun.(x)}) end) end)
    |> Enum.map(fn {pid, ref} ->
      receive do
        {:DOWN, ^ref, :process, ^pid, {:ok, v}} -> {:ok, v}
        {:DOWN, ^ref, :process, ^pid, {%{__exception__: true} = e, _}} -> {:error, Exception.message(e)}
        {:DOWN, ^ref, :process, ^pid, {raw, _stack}} -> {:error, raw}
      end
    end)
  end
end

defmodule T do
  def slow_square(x) do
    # later elements finish first
    Process.sleep((6 - x) * 10)
    x * x
  end

  def main do
    IO.inspect(Par.map([1, 2, 3, 4, 5], &slow_square/1), label: "squares")
    IO.inspect(Par.map(["a", "bb", "ccc"], &String.length/1), label: "lengths")
    IO.inspect(Par.map([], fn x -> x end), label: "empty")
    IO.inspect(Par.map(1..20, fn x -> rem(x, 7) end), label: "rem 7")
    IO.inspect(Par.safe_map([10, 0, 5], fn x -> div(100, x) end), label: "safe")
    IO.inspect(Par.safe_map([1, 2], fn
      1 -> raise "one is bad"
      x -> x
    end), label: "safe with message")
  end
end

T.main()
