# ExUnit.Case.register_*attribute: values in context.registered, cleared per test or describe.
ExUnit.start(seed: 0)

defmodule RegisteredTest do
  use ExUnit.Case

  ExUnit.Case.register_attribute(__MODULE__, :fixtures, accumulate: true)
  ExUnit.Case.register_attribute(__ENV__, :single)
  ExUnit.Case.register_describe_attribute(__MODULE__, :group_fixture, accumulate: true)
  ExUnit.Case.register_module_attribute(__MODULE__, :everywhere)

  @everywhere :yes

  @fixtures :user
  @fixtures {:post, insert: false}
  @single 1
  test "test attributes", context do
    assert context.registered == %{
             fixtures: [{:post, insert: false}, :user],
             single: 1,
             group_fixture: [],
             everywhere: :yes
           }
  end

  test "cleared after the test", context do
    assert context.registered.fixtures == []
    assert context.registered.single == nil
  end

  describe "group" do
    @group_fixture :a
    @group_fixture :b

    test "describe attributes", context do
      assert context.registered.group_fixture == [:b, :a]
    end

    test "kept for the whole describe", context do
      assert context.registered.group_fixture == [:b, :a]
    end
  end

  describe "next group" do
    test "cleared after the describe", context do
      assert context.registered.group_fixture == []
      assert context.registered.everywhere == :yes
    end
  end

  test "failing shows the registered map", context do
    assert context.registered == %{}
  end
end
