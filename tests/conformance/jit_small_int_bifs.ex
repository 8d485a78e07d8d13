# rem, div and comparisons in native code (small integers on the words,
# everything else through the built-ins).
defmodule JB do
  def ops(a, b) do
    [a == b, a != b, a === b, a !== b, a < b, a > b, a <= b, a >= b,
     (try do rem(a, b) rescue e -> Exception.message(e) end),
     (try do div(a, b) rescue e -> Exception.message(e) end)]
  end
end
# Hot enough for native code first: the native fast paths must agree with
# the built-ins on every edge (signs, zero divisor, the smallest small
# integer divided by -1, floats and atoms).
for _ <- 1..3000, do: JB.ops(7, 2)
min = -4611686018427387904
for {a, b} <- [{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {5, 0}, {min, -1}, {min, 1}, {min - 1, -1}, {1, 1.0}, {2.5, 1}, {:a, 1}, {1, :a}, {4611686018427387903, -1}, {10, 10}] do
  IO.inspect({a, b, JB.ops(a, b)})
end
