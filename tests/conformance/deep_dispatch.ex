# Clause lists decided on a second argument, a list's head and inside tuples:
# the first clause that matches still wins.
defmodule Deep do
  def op(:x, 1), do: :x1
  def op(:x, 2), do: :x2
  def op(y, 2), do: {:any2, y}
  def op(:x, 3), do: :x3
  def op(:y, n) when n > 10, do: :big
  def op(_, _), do: :other

  def cmd([:up | rest]), do: {:up, rest}
  def cmd([:down | rest]) when rest != [], do: {:down, rest}
  def cmd([:left | _] = all), do: {:left, length(all)}
  def cmd([:down | _]), do: :down_alone
  def cmd([x | _]) when is_integer(x), do: :int
  def cmd([]), do: :done
  def cmd(_), do: :bad

  def ev({:key, {:press, k}}), do: {:press, k}
  def ev({:key, {:release, k}}), do: {:release, k}
  def ev({:key, {:repeat, k, n}}) when n > 1, do: {:repeat, k, n}
  def ev({:key, {:repeat, k, _}}), do: {:once, k}
  def ev({:key, other}), do: {:key, other}
  def ev({:mouse, {x, y}}) when x > 0, do: {:at, x, y}
  def ev({:mouse, _}), do: :mouse
  def ev({tag, _, _}), do: {:three, tag}
  def ev(_), do: :unknown
end

for {a, b} <- [{:x, 1}, {:x, 2}, {:z, 2}, {:x, 3}, {:y, 11}, {:y, 3}, {:x, 4}, {1, 1}] do
  IO.inspect(Deep.op(a, b))
end

for l <- [[:up], [:up, 1], [:down], [:down, 2], [:left, 1, 2], [3], [:right], [], :x, 'ab'] do
  IO.inspect(Deep.cmd(l))
end

events = [
  {:key, {:press, ?a}},
  {:key, {:release, ?b}},
  {:key, {:repeat, ?c, 3}},
  {:key, {:repeat, ?c, 1}},
  {:key, {:press, 1, 2}},
  {:key, :none},
  {:mouse, {1, 2}},
  {:mouse, {0, 2}},
  {:mouse, 5},
  {:key, 1, 2},
  {:other},
  [:key]
]

for e <- events, do: IO.inspect(Deep.ev(e))

classify = fn v ->
  case v do
    {:ok, [h | _]} when is_atom(h) -> {:ok_atom_head, h}
    {:ok, []} -> :ok_empty
    {:ok, %{}} -> :ok_map
    {:error, {:timeout, ms}} -> {:timeout, ms}
    {:error, {:closed, _}} -> :closed
    {:error, reason} -> {:error, reason}
    {:ok, other} -> {:ok_other, other}
    _ -> :nothing
  end
end

for v <- [{:ok, [:a]}, {:ok, [1]}, {:ok, []}, {:ok, %{a: 1}}, {:error, {:timeout, 5}},
          {:error, {:closed, 1}}, {:error, :x}, {:ok, 7}, :ok] do
  IO.inspect(classify.(v))
end
