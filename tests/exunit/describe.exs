# describe blocks: test names, setup scoped to the block, module setups first.
ExUnit.start(seed: 0)

defmodule DescribeTest do
  use ExUnit.Case

  setup do
    [trail: [:module_setup]]
  end

  describe "first group" do
    setup context do
      [trail: context.trail ++ [:first_group]]
    end

    setup :named_step

    test "sees its setups", context do
      assert context.trail == [:module_setup, :late_module_setup, :first_group, :named_step]
    end

    test "fails with the describe in its name" do
      assert :first == :second
    end
  end

  describe "second group" do
    test "does not see the first group's setups", context do
      assert context.trail == [:module_setup, :late_module_setup]
    end
  end

  setup context do
    [trail: context.trail ++ [:late_module_setup]]
  end

  def named_step(context), do: [trail: context.trail ++ [:named_step]]

  test "outside any describe", context do
    assert context.describe == nil
  end

  for n <- [1, 2] do
    describe "generated #{n}" do
      test "number", context do
        assert context.describe == "generated #{unquote(n)}"
      end
    end
  end

  describe "setup failing in a describe" do
    setup do
      raise "describe setup"
    end

    test "fails" do
      :ok
    end
  end
end
