defmodule M do
  def double(x), do: x * 2
  def add(a, b), do: a + b
  def run(list), do: Enum.map(list, &inc/1)
  defp inc(x), do: x + 1
end

d = &M.double/1
IO.puts(d.(21))
IO.inspect(Enum.map([1, 2, 3], &M.double/1))
IO.inspect(Enum.reduce([1, 2, 3], 0, &M.add/2))
IO.inspect(M.run([1, 2, 3]))

inc = &(&1 + 1)
IO.puts(inc.(41))
pair = &{&1, &2}
IO.inspect(pair.(:a, :b))
list3 = &[&1, &2, &3]
IO.inspect(list3.(1, 2, 3))
swap = &{&2, &1}
IO.inspect(swap.(1, 2))
IO.inspect(Enum.map([1, 2, 3], &(&1 * &1)))
IO.inspect(Enum.map(["a", "b"], &"<#{&1}>"))
IO.inspect(Enum.map([1, 2], &to_string/1))
len = &length/1
IO.puts(len.([1, 2, 3]))
up = &Kernel.<>/2
IO.puts(up.("sh", "out"))
plus = &+/2
IO.puts(plus.(3, 4))
IO.inspect(Enum.filter([1, 2, 3, 4], &(rem(&1, 2) == 0)))
mk = &%{id: &1}
IO.inspect(mk.(7))
IO.inspect(is_function(&M.add/2, 2))
