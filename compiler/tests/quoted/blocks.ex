foo do
end
foo do end
foo do
  a
end
foo do
  a
  b
end
foo a do
  b
end
foo(a) do
  b
end
foo a, b do
  c
else
  d
end
foo do
  a
else
  b
after
  c
rescue
  d
catch
  e
end
foo do
else
end
if a, do: b
if a, do: b, else: c
if(a, do: b, else: c)
if a do b else c end
if foo a do
  b
end
if foo.bar do
  b
end
if foo(a) do
  b
end
case x do
  1 -> :a
  2 -> :b
end
case x do
  {:ok, y} when y > 0 -> y
  {:ok, y} when is_integer(y) and y < 0 -> -y
  _ -> nil
end
case x do
  a, b -> a
end
case x do
  a ->
    b
    c
  d ->
end
cond do
  a -> b
  true -> c
end
receive do
  x -> x
after
  10 -> :t
end
receive do
after
  0 -> :ok
end
try do
  a
rescue
  e in ArgumentError -> e
  e -> e
catch
  :exit, r -> r
  k, v -> {k, v}
else
  x -> x
after
  z
end
with {:ok, a} <- f(),
     {:ok, b} <- g(a) do
  a + b
else
  {:error, e} -> e
end
for x <- xs, y <- ys, x > y, into: %{} do
  {x, y}
end
for <<c <- s>>, do: c
fn -> 1 end
fn x -> x end
fn x, y -> x + y end
fn (x, y) -> x end
fn () -> 1 end
fn x when x > 0 -> x end
fn (x, y) when x > y -> x end
fn () when true -> 1 end
fn x when x > 0 when x < 9 -> x end
fn
  0 -> :zero
  n when n > 0 -> :pos
  _ ->
    a = 1
    a
end
fn -> end
fn x -> end
fn a -> not a end
fn a -> !a end
(a -> b)
(a -> b; c -> d)
(a, b -> c)
(-> a)
receive(do: (x -> x))
case(x, do: (1 -> :a; _ -> :b))
(a; b)
(a
b)
(a)
((a))
(not a)
(!a)
(;)
()
(-1)
(a; b; c)
((a; b))
x = (a; b)
foo do
  not a
end
foo do
  !a
end
foo do
  (not a)
end
quote do
  unquote_splicing(a)
end
(unquote_splicing(a))
foo do: (a; b)
def foo(a) when a > 0, do: a
def foo(a)
    when a > 0 do
  a
end
def foo(a \\ 1), do: a
defmodule Foo do
  @moduledoc false
  def bar, do: :ok
  defp baz(x) do
    x
  end
end
