# Skipped and excluded tests, and include overriding exclude.
ExUnit.start(seed: 0, exclude: [:slow, os: :windows], include: [os: "unix"])

defmodule SkipExcludeTest do
  use ExUnit.Case

  test "runs" do
    assert true
  end

  @tag :skip
  test "skipped" do
    flunk("never runs")
  end

  @tag skip: "not today"
  test "skipped with a reason" do
    flunk("never runs")
  end

  @tag :slow
  test "excluded" do
    flunk("never runs")
  end

  @tag os: :windows
  test "excluded by value" do
    flunk("never runs")
  end

  @tag os: :unix
  test "included again by value as a string" do
    assert true
  end

  test "fails" do
    assert 1 == 0
  end
end

defmodule AllSkippedTest do
  use ExUnit.Case

  setup_all do
    raise "never runs"
  end

  @tag :skip
  test "skipped" do
    :ok
  end
end
