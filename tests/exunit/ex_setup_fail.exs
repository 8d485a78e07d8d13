# Failures in setup_all and setup: every test of the module fails or is invalid.
ExUnit.start(seed: 0)

defmodule SetupAllFailTest do
  use ExUnit.Case

  setup_all do
    raise "no database"
  end

  test "a", do: assert(true)
  test "b", do: assert(true)
end

defmodule SetupMatchFailTest do
  use ExUnit.Case

  setup do
    {:ok, pid} = Function.identity({:error, :eaddrinuse})
    %{pid: pid}
  end

  test "c", do: assert(true)
end

defmodule OkAfterTest do
  use ExUnit.Case
  test "d", do: assert(1 + 1 == 2)
end
