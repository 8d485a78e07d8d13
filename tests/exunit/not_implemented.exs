# A test without a body fails with "Not implemented".
ExUnit.start(seed: 0)

defmodule NotImplementedTest do
  use ExUnit.Case

  test "to do"

  describe "later" do
    test "also to do"
  end

  test "done", do: :ok
end
