# setup callbacks: blocks, named functions, lists; what they may return.
ExUnit.start(seed: 0)

defmodule SetupTest do
  use ExUnit.Case

  setup do
    [from_block: 1]
  end

  setup context do
    {:ok, seen_block: context.from_block, test_name: context.test}
  end

  setup :named
  setup [:first, :second]

  def named(context), do: %{named: context.seen_block + 1}
  def first(_context), do: {:ok, %{first: true}}
  def second(context), do: if(context.first, do: :ok, else: :error)

  test "context holds every callback's result", context do
    assert context.from_block == 1
    assert context.seen_block == 1
    assert context.named == 2
    assert context.first == true
    assert context.test_name == :"test context holds every callback's result"
  end

  test "the test's pattern matches the context", %{named: 2, first: first} do
    assert first
  end

  test "setup runs in the test process", context do
    assert context.test_name == :"test setup runs in the test process"
  end
end

defmodule SetupBadReturnTest do
  use ExUnit.Case

  setup do
    :not_ok
  end

  test "fails because of setup" do
    flunk("never runs")
  end
end

defmodule SetupRaiseTest do
  use ExUnit.Case

  setup do
    raise "setup failed"
  end

  test "fails because setup raised" do
    :ok
  end
end

defmodule SetupNamedRaiseTest do
  use ExUnit.Case

  setup :broken

  def broken(_context), do: raise(ArgumentError, "broken setup")

  test "fails because the named setup raised" do
    :ok
  end
end

defmodule SetupReservedTest do
  use ExUnit.Case

  setup context do
    # returning the context itself is fine: the reserved keys keep their values
    context
  end

  setup do
    [test: :renamed]
  end

  test "fails because setup changed a reserved key" do
    :ok
  end
end
