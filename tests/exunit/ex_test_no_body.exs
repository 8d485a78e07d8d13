# Tests without a body, tests with only a name, and @moduletag.
ExUnit.start(seed: 0)

defmodule NoBodyTest do
  use ExUnit.Case
  @moduletag :mod

  test "not implemented yet"

  test "context tags", context do
    assert context.mod == false
  end
end
