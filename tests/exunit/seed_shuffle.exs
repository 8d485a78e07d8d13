# A non-zero seed shuffles the tests inside each module (trace mode shows the order).
ExUnit.start(seed: 1234, trace: true)

defmodule SeedShuffle.FirstTest do
  use ExUnit.Case

  for i <- 1..10 do
    test "test #{i}", do: :ok
  end
end

defmodule SeedShuffle.SecondTest do
  use ExUnit.Case

  for i <- 1..5 do
    test "test #{i}", do: :ok
  end

  @tag :skip
  test "skipped", do: :ok
end
