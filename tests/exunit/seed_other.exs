# Another seed, without trace: the failures come in the shuffled order.
ExUnit.start(seed: 987_654)

defmodule SeedOtherTest do
  use ExUnit.Case

  for i <- 1..8 do
    test "test #{i}" do
      assert unquote(i) == 0
    end
  end
end
