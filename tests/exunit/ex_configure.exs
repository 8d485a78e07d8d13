# ExUnit.configure(exclude: :pending) after start.
ExUnit.start(seed: 0)
ExUnit.configure(exclude: :pending)

defmodule ConfigureTest do
  use ExUnit.Case

  @tag :pending
  test "pending", do: flunk("no")

  test "one", do: assert(1 == 1)
  test "two", do: assert([1] == [2])
end
