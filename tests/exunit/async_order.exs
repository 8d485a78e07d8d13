# Async modules run before sync ones; modules run newest first (trace mode).
ExUnit.start(seed: 0, trace: true)

defmodule AsyncOrder.SyncOneTest do
  use ExUnit.Case

  test "a", do: :ok
  test "b", do: :ok
end

defmodule AsyncOrder.AsyncOneTest do
  use ExUnit.Case, async: true

  test "a", do: :ok
end

defmodule AsyncOrder.SyncTwoTest do
  use ExUnit.Case, async: false

  test "a", do: :ok
end

defmodule AsyncOrder.AsyncTwoTest do
  use ExUnit.Case, async: true

  test "a", do: :ok
  test "b", do: assert(1 == 2)
end
