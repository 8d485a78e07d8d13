# Stream.resource/3 and transform/4,5: the after function runs when the stream is done, halted early, or an error goes through.
defmodule Res do
  def counter(limit) do
    Stream.resource(
      fn -> IO.puts("open"); 1 end,
      fn n when n > limit -> {:halt, n}; n -> {[n], n + 1} end,
      fn n -> IO.puts("close at #{n}") end
    )
  end

  def main do
    IO.inspect(Enum.to_list(counter(3)))
    IO.inspect(Enum.take(counter(100), 2))
    IO.inspect(counter(100) |> Stream.map(&(&1 * 10)) |> Enum.find(&(&1 > 25)))
    IO.inspect(Enum.zip(counter(2), counter(5)))
    IO.inspect(Stream.flat_map([1, 2], fn i -> Stream.take(counter(10), i) end) |> Enum.to_list())
    IO.inspect(Stream.resource(fn -> 0 end, fn n -> {Enum.to_list(n..(n + 2)), n + 3} end, fn n -> IO.puts("done #{n}") end) |> Enum.take(5))

    try do
      counter(10) |> Stream.map(fn 3 -> raise "boom"; x -> x end) |> Enum.to_list()
    rescue
      e -> IO.puts("rescued #{Exception.message(e)}")
    end

    try do
      Stream.resource(fn -> :start end, fn _ -> throw(:oops) end, fn acc -> IO.puts("closed #{acc}") end) |> Enum.to_list()
    catch
      :throw, value -> IO.puts("caught #{value}")
    end

    t5 = Stream.transform(1..5//2, fn -> IO.puts("start"); 0 end, fn i, _ -> {i..(i + 1), i + 1} end, fn acc -> {[:last, acc], acc} end, fn acc -> IO.puts("after #{acc}") end)
    IO.inspect(Enum.to_list(t5))
    IO.inspect(Enum.take(t5, 3))
    IO.inspect(Enum.take(t5, 7))
    t4 = Stream.transform(1..10, fn -> 0 end, fn x, acc -> if x > 3, do: {:halt, acc}, else: {[x], acc + x} end, fn acc -> IO.puts("t4 after #{acc}") end)
    IO.inspect(Enum.to_list(t4))

    try do
      Stream.transform(1..10, fn -> 0 end, fn 3, _ -> throw(:three); x, acc -> {[x], acc + x} end, fn acc -> IO.puts("t4 error after #{acc}") end) |> Stream.run()
    catch
      :throw, value -> IO.puts("caught #{value}")
    end

    IO.inspect(Enumerable.reduce(counter(5), {:halt, :acc}, fn _, _ -> raise "never" end))
    {:suspended, acc, cont} = Enumerable.reduce(counter(5), {:cont, []}, fn x, acc -> {:suspend, [x | acc]} end)
    IO.inspect(acc)
    IO.inspect(cont.({:halt, acc}))
  end
end

Res.main()
