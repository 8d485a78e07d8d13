# A first beamlet program: modules, pattern matching, recursion and Enum.
defmodule Greeter do
  def greet(name) when is_binary(name), do: "Hello, #{name}!"

  def countdown(0), do: ["liftoff"]
  def countdown(n) when n > 0, do: [Integer.to_string(n) | countdown(n - 1)]
end

IO.puts(Greeter.greet("beamlet"))
IO.puts(Enum.join(Greeter.countdown(3), " "))
IO.inspect(Enum.map(1..5, fn x -> x * x end), label: "squares")
IO.inspect(%{name: "beamlet", fahrenheit: 25 * 1.8 + 32})
