# Closures passed to spawn/1 carry copies of captured values of every kind.
defmodule T do
  def echo_back(parent, tag, f) do
    spawn(fn -> send(parent, {tag, f.()}) end)
    receive do
      {^tag, v} -> v
    end
  end

  def main do
    me = self()
    list = [1, 2, 3, 4]
    map = %{name: "ada", langs: ["elixir", "erlang"], age: 36}
    str = "hello"
    nested = {:tree, [%{id: 1, kids: [{:leaf, "a"}, {:leaf, "b"}]}, %{id: 2, kids: []}]}
    IO.inspect(echo_back(me, :list, fn -> Enum.map(list, &(&1 * 10)) end))
    IO.inspect(echo_back(me, :map, fn -> Map.put(map, :age, map.age + 1) end))
    IO.inspect(echo_back(me, :str, fn -> str <> ", world" end))
    IO.inspect(echo_back(me, :nested, fn -> nested end))
    IO.inspect(echo_back(me, :kids, fn ->
      {:tree, nodes} = nested
      Enum.map(nodes, fn n -> length(n.kids) end)
    end))
    # captured closure inside a captured closure
    add = fn x -> x + 1000 end
    IO.inspect(echo_back(me, :fun, fn -> Enum.map(list, add) end))
    # the child's changes don't affect the parent's copy
    IO.inspect(echo_back(me, :upd, fn -> %{map | name: "changed"}.name end))
    IO.inspect(map.name, label: "parent still has")
    # each spawn captures the loop variable's current value
    for i <- 1..5, do: spawn(fn -> send(me, {:i, i, i * i}) end)
    got = for _ <- 1..5 do
      receive do
        {:i, i, sq} -> {i, sq}
      end
    end
    IO.inspect(Enum.sort(got))
  end
end

T.main()
