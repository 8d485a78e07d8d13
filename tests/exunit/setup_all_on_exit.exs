# A failing on_exit registered by setup_all fails the module after its tests
# ran: the tests that passed count as failures.
ExUnit.start(seed: 0)

defmodule SetupAllOnExit.PassingTest do
  use ExUnit.Case

  setup_all do
    on_exit(fn -> raise "setup_all on_exit failed" end)
    :ok
  end

  test "a", do: :ok
  test "b", do: :ok
  test "c", do: :ok
end

defmodule SetupAllOnExit.FailingTest do
  use ExUnit.Case

  setup_all do
    on_exit(fn -> throw(:on_exit) end)
    :ok
  end

  test "a", do: assert(false)
  test "b", do: :ok
end

defmodule SetupAllOnExit.InvalidTest do
  use ExUnit.Case

  setup_all do
    on_exit(fn -> raise "not reported" end)
    raise "setup_all failed"
  end

  test "a", do: :ok
end
