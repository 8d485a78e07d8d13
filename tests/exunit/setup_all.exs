# setup_all: once per module, its context reaches the tests; failures invalidate.
ExUnit.start(seed: 0)

defmodule SetupAllTest do
  use ExUnit.Case

  setup_all context do
    [module_seen: context.module, started: true, setup_all_pid: self()]
  end

  setup_all :more

  def more(context), do: %{more: context.started}

  setup context do
    [setup_saw: context.more]
  end

  test "context", context do
    assert context.module_seen == SetupAllTest
    assert context.more == true
    assert context.setup_saw == true
    assert context.case == SetupAllTest
  end

  test "setup_all runs in another process", context do
    refute context.setup_all_pid == self()
    assert is_pid(context.setup_all_pid)
  end
end

defmodule SetupAllRaiseTest do
  use ExUnit.Case

  setup_all do
    raise "setup_all failed"
  end

  test "one", do: :ok
  test "two", do: :ok
end

defmodule SetupAllBadReturnTest do
  use ExUnit.Case

  setup_all do
    {:error, :no}
  end

  test "invalid", do: :ok
end

defmodule SetupAllAssertTest do
  use ExUnit.Case

  setup_all do
    assert 1 == 2
    :ok
  end

  test "invalid too", do: :ok
end
