# setup with context maps, setup_all, describe + setup, named setups.
ExUnit.start(seed: 0)

defmodule Stack do
  def new, do: []
  def push(s, x), do: [x | s]
  def pop([h | t]), do: {h, t}
end

defmodule SetupCtxTest do
  use ExUnit.Case

  setup_all do
    %{shared: :yes}
  end

  setup context do
    {:ok, stack: Stack.push(Stack.new(), context.test)}
  end

  test "has the stack", %{stack: stack, shared: shared} do
    assert shared == :yes
    assert length(stack) == 2
  end

  describe "pop" do
    setup %{stack: stack} do
      %{popped: Stack.pop(stack)}
    end

    test "returns the top", %{popped: {top, rest}} do
      assert top == :"test pop returns the top"
      assert rest == [:x]
    end
  end

  describe "with named setups" do
    setup [:add_one, :add_two]

    def add_one(ctx), do: Map.put(ctx, :n, 1)
    def add_two(%{n: n}), do: [n: n + 2]

    test "chained", %{n: n} do
      assert n == 4
    end
  end

  describe "setup returning bad value" do
    setup do
      :not_ok
    end

    test "fails", do: :ok
  end
end
