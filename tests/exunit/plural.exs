# One test, one failure: singular words in the summary.
ExUnit.start(seed: 0)

defmodule PluralTest do
  use ExUnit.Case

  test "the only one" do
    assert :left == :right
  end
end
