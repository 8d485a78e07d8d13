# Agent: start, get, update, get_and_update, cast, names, MFA forms, stop.
defmodule Ops do
  def double(x), do: x * 2
  def add(state, k), do: state + k
  def pop(list), do: {hd(list), tl(list)}
end

{:ok, a} = Agent.start_link(fn -> 1 end)
IO.inspect(Agent.get(a, & &1))
IO.inspect(Agent.update(a, &(&1 + 1)))
IO.inspect(Agent.get(a, &(&1 * 100)))
IO.inspect(Agent.get_and_update(a, fn s -> {s, s + 10} end))
IO.inspect(Agent.cast(a, &(&1 * 2)))
IO.inspect(Agent.get(a, & &1))
IO.inspect(Agent.get(a, Ops, :double, []))
IO.inspect(Agent.update(a, Ops, :add, [5]))
IO.inspect(Agent.get(a, & &1, 1000))
IO.inspect(Agent.stop(a))
IO.inspect(Process.alive?(a))
{:ok, b} = Agent.start(fn -> [:x, :y, :z] end, name: :letters)
IO.inspect(Process.whereis(:letters) == b)
IO.inspect(Agent.get_and_update(:letters, Ops, :pop, []))
IO.inspect(Agent.cast(:letters, Kernel, :++, [[:w]]))
IO.inspect(Agent.get(:letters, & &1))
{:error, {:already_started, ^b}} = Agent.start(fn -> 0 end, name: :letters)
IO.puts("already started")
{:ok, c} = Agent.start(Map, :new, [])
IO.inspect(Agent.get(c, & &1))
IO.inspect(Agent.child_spec(:arg))
IO.inspect(Agent.stop(:letters, :normal, 1000))
IO.inspect(Process.whereis(:letters))
IO.inspect(:proc_lib.translate_initial_call(c))
