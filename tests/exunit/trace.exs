# Trace mode: one line per test, module headers, failures in place.
ExUnit.start(seed: 0, trace: true, exclude: [:slow])

defmodule TraceTest do
  use ExUnit.Case

  test "passes", do: :ok

  @tag :slow
  test "excluded", do: :ok

  @tag :skip
  test "skipped", do: :ok

  test "fails" do
    assert [1, 2] == [1, 3]
  end

  describe "group" do
    test "passes too", do: :ok
  end

  test "not implemented"
end

defmodule TraceSetupAllTest do
  use ExUnit.Case

  setup_all do
    raise "no setup"
  end

  test "invalid", do: :ok
end

defmodule TraceEmptyTest do
  use ExUnit.Case
end
