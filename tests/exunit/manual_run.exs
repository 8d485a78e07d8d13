# autorun: false: ExUnit.run/0 runs what is loaded and returns the counts.
ExUnit.start(seed: 0, autorun: false, exclude: [:slow])

defmodule ManualRunTest do
  use ExUnit.Case

  test "passes", do: :ok
  test "fails", do: assert(false)

  @tag :slow
  test "excluded", do: :ok

  @tag :skip
  test "skipped", do: :ok
end

IO.inspect(ExUnit.run(), label: "first run")
IO.inspect(ExUnit.run(), label: "second run")
IO.puts("the script ends with status 0")
