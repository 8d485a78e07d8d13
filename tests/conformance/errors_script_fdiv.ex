# `/` failing in a script's top level (and in its funs) has :erlang./2's frame with its arguments,
# as Elixir compiles the top level; in a module's function it has none (the BEAM's float division
# instruction), the function's own frame coming first.
defmodule Divide do
  def by(x, y), do: x / y
  def mapped(list), do: Enum.map(list, fn z -> 1 / z end)
end

zero = Enum.random([0])
atom = Enum.random([:a])
top = fn f ->
  try do
    f.()
  rescue
    e -> IO.inspect({e, hd(__STACKTRACE__)})
  end
end

top.(fn -> 1 / zero end)
top.(fn -> 1.0 / zero end)
top.(fn -> 1 / atom end)
top.(fn -> Enum.map([0], fn z -> 1 / z end) end)
top.(fn -> Divide.by(1, zero) end)
top.(fn -> Divide.mapped([0]) end)
top.(fn -> div(1, zero) end)

try do
  1 / zero
rescue
  e -> IO.puts(Exception.format(:error, e, __STACKTRACE__) |> String.split("\n") |> Enum.take(3) |> Enum.join("\n"))
end
