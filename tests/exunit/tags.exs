# Tags: @tag, @describetag, @moduletag and the context ExUnit builds.
ExUnit.start(seed: 0)

defmodule TagsTest do
  use ExUnit.Case

  @moduletag :integration
  @moduletag level: :module, owner: "module"

  @tag level: :test
  @tag :slow
  test "test tags override module tags", context do
    assert context.level == :test
    assert context.slow == true
    assert context.integration == true
    assert context.owner == "module"
  end

  test "tags are consumed by one test", context do
    assert context.level == :module
    refute Map.has_key?(context, :slow)
  end

  describe "a group" do
    @describetag level: :describe
    @describetag :grouped

    test "describe tags", context do
      assert context.level == :describe
      assert context.grouped
    end

    @tag level: :test
    test "test tag wins over describe tag", context do
      assert context.level == :test
    end
  end

  test "describe tags end with the block", context do
    refute Map.has_key?(context, :grouped)
  end

  test "reserved keys", context do
    assert context.test == :"test reserved keys"
    assert context.module == TagsTest
    assert context.case == TagsTest
    assert context.line == 43
    assert Path.basename(context.file) == "tags.exs"
    assert context.async == false
    assert context.describe == nil
    assert context.describe_line == nil
    assert context.registered == %{}
    assert context.test_type == :test
  end

  describe "describe keys" do
    test "name and line", context do
      assert context.describe == "describe keys"
      assert context.describe_line == 56
      assert context.test == :"test describe keys name and line"
    end
  end

  ExUnit.Case.register_attribute(__MODULE__, :fixture, accumulate: true)

  @fixture :user
  @fixture :post
  test "registered attributes", context do
    assert context.registered.fixture == [:post, :user]
  end

  test "registered attributes are cleared", context do
    assert context.registered.fixture == []
  end

  test "a failing test shows its tags' line", context do
    assert context.integration == false
  end
end
