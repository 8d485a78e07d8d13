# A test that runs past its @tag timeout is killed and fails.
ExUnit.start(seed: 0)

defmodule TimeoutTest do
  use ExUnit.Case

  @tag timeout: 50
  test "too slow" do
    receive do
    after
      1000 -> :ok
    end
  end

  test "the next test runs", do: :ok
end
