# Only an invalid module: status 2 all the same; after_suite callbacks run newest first.
ExUnit.start(seed: 0)
ExUnit.after_suite(fn result -> IO.inspect(result, label: "after_suite 1") end)
ExUnit.after_suite(fn result -> IO.inspect(result, label: "after_suite 2") end)
defmodule InvTest do
  use ExUnit.Case
  setup_all do
    raise "x"
  end
  test "a", do: :ok
end
