# @tag, @moduletag, @describetag with exclude/include filters.
ExUnit.start(seed: 0, exclude: [:pending, slow: true], include: [run_me: true])

defmodule TagsFilterTest do
  use ExUnit.Case

  @tag :pending
  test "pending is excluded", do: flunk("should not run")

  @tag slow: true
  test "slow is excluded", do: flunk("should not run")

  @tag slow: false
  test "fast runs", do: assert(true)

  @tag :pending
  @tag run_me: true
  test "included again", do: assert(1 == 2)

  describe "group" do
    @describetag :pending
    test "excluded by describetag", do: flunk("no")
  end

  @tag skip: "not today"
  test "skipped", do: flunk("no")

  test "context has tags", context do
    assert context.test == :"test context has tags"
    assert context[:pending] == nil
    assert context.describe == "x"
  end
end
