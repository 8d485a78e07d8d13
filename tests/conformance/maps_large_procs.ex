# Maps of more than 32 keys (hash tries) in processes, patterns, structs and as keys.
defmodule Wide do
  defstruct Enum.map(1..40, &{String.to_atom("f#{&1}"), &1})
end

defmodule Main do
  def main do
    big = Map.new(1..500, &{&1, &1 * 3})
    parent = self()
    pid = spawn(fn ->
      receive do
        {:map, m} -> send(parent, {:back, Map.update!(m, 250, &(&1 + 1)), map_size(m)})
      end
    end)
    send(pid, {:map, big})
    receive do
      {:back, m, n} ->
        IO.inspect({n, m[250], m[251], m == big})
    end

    case big do
      %{1 => a, 500 => b} -> IO.inspect({:matched, a, b})
    end

    w = %Wide{}
    IO.inspect({w.f1, w.f40, map_size(w)})
    w2 = %Wide{w | f33: :changed}
    IO.inspect({w2.f33, w2 == w, is_struct(w2, Wide)})
    %Wide{f39: f39} = w2
    IO.inspect(f39)

    keyed = %{big => :big, %{} => :empty}
    IO.inspect(keyed[Map.new(Enum.reverse(Map.to_list(big)))])

    {v, rest} = Map.pop(big, 17)
    IO.inspect({v, map_size(rest), Map.has_key?(rest, 17)})
    shrunk = Enum.reduce(33..500, big, &Map.delete(&2, &1))
    IO.inspect(shrunk |> map_size())
    IO.inspect(shrunk |> Map.keys() |> Enum.take(5))
    IO.inspect(Map.merge(shrunk, Map.new(30..40, &{&1, :m})) |> Map.to_list() |> Enum.sort() |> Enum.drop(28) |> Enum.take(6))

    counts = Enum.reduce(1..2000, %{}, fn i, acc -> Map.update(acc, rem(i * 7, 101), 1, &(&1 + 1)) end)
    IO.inspect({map_size(counts), counts |> Map.values() |> Enum.sum(), Enum.max(Map.values(counts))})
    IO.inspect(Enum.sort(Map.filter(counts, fn {_k, v} -> v > 19 end)) |> length())
    IO.inspect(for({k, _} <- big, rem(k, 100) == 0, do: k) |> Enum.sort())
    IO.inspect(Map.new(1..100, &{&1, 0}) |> Map.equal?(Enum.into(Enum.map(100..1//-1, &{&1, 0}), %{})))
  end
end

Main.main()
