# Enum.into/2,3 (lists, maps, binaries, Collectable structs), join/map_join, and errors of non-enumerables and bad functions.
IO.inspect(Enum.into([a: 1, b: 2], %{}))
IO.inspect(Enum.into(%{a: 1}, %{b: 2}))
IO.inspect(Enum.into([c: 3], %{a: 1}))
IO.inspect(Enum.into(1..3, []))
IO.inspect(Enum.into(1..3, %{}, &{&1, &1 * &1}))
IO.inspect(Enum.into([1, 2], %{z: 0}, &{&1, &1}))
IO.inspect(Enum.into(["a", "b"], "x:"))
IO.inspect(Enum.into(1..3, "", &Integer.to_string/1))
IO.inspect(Enum.into(%{k: :v}, []))
IO.inspect(Enum.into(Stream.map(1..3, &{&1, :s}), %{}))
IO.inspect(Enum.join([1, "two", :three, 'four', 5.0], "-"))
IO.inspect(Enum.join(1..5))
IO.inspect(Enum.join([], ", "))
IO.inspect(Enum.map_join(1..3, " + ", &(&1 * 2)))
IO.inspect(Enum.map_join(%{a: 1}, fn {k, v} -> "#{k}=#{v}" end))
IO.inspect(Enum.concat([[1], 2..3, %{a: 1}, Stream.take([4, 5, 6], 1)]))
IO.inspect(Enum.concat(1..2, [3]))
IO.inspect(Enum.concat([[1, [2]], [3]]))

defmodule E do
  def show(fun) do
    try do
      IO.inspect(fun.())
    rescue
      e -> IO.puts("#{inspect(e.__struct__)}: #{Exception.message(e)}")
    end
  end
end

E.show(fn -> Enum.into([1], %{}) end)
E.show(fn -> Enum.into([2, 3], %{a: 1}, & &1) end)
E.show(fn -> Enum.into([1], 5) end)
E.show(fn -> Enum.join([1, {2}], ",") end)
E.show(fn -> Enum.join([1], :sep) end)
E.show(fn -> Enum.map(:atom, & &1) end)
E.show(fn -> Enum.count(42) end)
E.show(fn -> Enum.reduce(%{}, fn x, acc -> {x, acc} end) end)
E.show(fn -> Enum.map([1], :not_a_fun) end)
E.show(fn -> Enum.chunk_while([1], [], fn _, _ -> :bad end, fn a -> {:cont, a} end) end)
