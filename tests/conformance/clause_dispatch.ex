defmodule D do
  def kind(:a), do: 1
  def kind(:b), do: 2
  def kind(:c), do: 3
  def kind(0), do: :zero
  def kind(-1), do: :minus_one
  def kind({x}), do: {:one, x}
  def kind({x, y}) when x > y, do: {:two_desc, x, y}
  def kind([]), do: :empty
  def kind([h | _]) when is_atom(h), do: {:atom_head, h}
  def kind("abc"), do: :abc
  def kind("x" <> rest), do: {:x, rest}
  def kind(%{k: v}), do: {:map, v}
  def kind({x, y}), do: {:two, x, y}
  def kind(x) when is_float(x), do: {:float, x}
  def kind(:a), do: :unreachable
  def kind(1), do: :one
  def kind('hi'), do: :charlist
  def kind([_ | _] = l), do: {:list, length(l)}
  def kind(''), do: :never
  def kind(%{}), do: :other_map
  def kind(other), do: {:other, other}

  def two(:x, 1), do: :x1
  def two(:x, 2), do: :x2
  def two(_, :y), do: :any_y
  def two(:z, n), do: {:z, n}
  def two(a, b), do: {a, b}

  def guarded(n) when n < 0, do: :neg
  def guarded(0), do: :zero
  def guarded(n) when n < 10, do: :small
  def guarded(1000), do: :thousand
  def guarded(_), do: :big
end

values = [:a, :b, :c, :d, 0, -1, 1, 1.0, 2, {1}, {2, 1}, {1, 2}, {1, 2, 3}, [], [:h, 1], [1, 2], 'hi',
  "abc", "xyz", "zz", %{k: 9}, %{j: 1}, 2.5, self() == self(), nil, 10_000_000_000_000_000_000]
for v <- values, do: IO.inspect(D.kind(v))

for a <- [:x, :z, :w], b <- [1, 2, :y, 3], do: IO.inspect(D.two(a, b))
for n <- [-5, 0, 5, 1000, 1001, 5.0, :atom], do: IO.inspect(D.guarded(n))

describe = fn
  :ok -> "ok"
  :error -> "error"
  {:ok, v} -> "ok #{v}"
  {:error, r} when is_binary(r) -> "error #{r}"
  {:error, _} -> "error ?"
  :timeout -> "timeout"
  _ -> "unknown"
end
for v <- [:ok, :error, {:ok, 1}, {:error, "bad"}, {:error, 3}, :timeout, :other, {:ok, 1, 2}],
  do: IO.puts(describe.(v))

for v <- [1, 2, 3, :four, "five", [6], {7}, 8.0] do
  r =
    case v do
      1 -> :one
      2 -> :two
      3 -> :three
      x when is_integer(x) -> :int
      :four -> :four
      "five" -> :five
      [x] -> {:list, x}
      {x} -> {:tuple, x}
      _ -> :something
    end
  IO.inspect(r)
end

try do
  D.two(1)
rescue
  e -> IO.puts(Exception.message(e))
end

ranges = fn
  1..2 -> :one_two
  %{first: f} -> {:first, f}
  _ -> :no
end
IO.inspect(ranges.(1..2))
IO.inspect(ranges.(3..4))
IO.inspect(ranges.(%{first: 0}))
IO.inspect(ranges.(:x))
