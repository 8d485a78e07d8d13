# assert_receive, assert_received, refute_receive and refute_received.
ExUnit.start(seed: 0)

defmodule AssertReceiveTest do
  use ExUnit.Case

  test "binds and returns the message" do
    send(self(), {:hello, "world"})
    assert {:hello, who} = assert_received({:hello, _})
    send(self(), {:count, 3})
    assert_receive {:count, n} when n > 1
    assert {who, n} == {"world", 3}
  end

  test "pins" do
    ref = make_ref()
    send(self(), {ref, :done})
    assert_receive {^ref, :done}, 500
  end

  test "waits for a message" do
    parent = self()
    spawn(fn -> send(parent, :late) end)
    assert_receive :late
  end

  test "empty mailbox" do
    assert_receive :never, 20
  end

  test "assert_received with other messages" do
    send(self(), {:hello, 1})
    send(self(), :other)
    assert_received {:hello, 2}
  end

  test "more than ten messages" do
    Enum.each(1..12, fn i -> send(self(), {:msg, i}) end)
    assert_received {:missing, _}
  end

  test "pinned variables are listed" do
    id = 7
    send(self(), {:id, 8})
    assert_received {:id, ^id}
  end

  test "a guard" do
    send(self(), {:n, 1})
    assert_received {:n, n} when n > 5
  end

  test "long values are wrapped" do
    send(self(), {:data, Enum.to_list(1..40)})
    assert_received {:data, []}
  end

  test "custom message" do
    assert_received :x, "where is x?"
  end

  test "refute_received" do
    send(self(), {:unwanted, 1})
    refute_received {:unwanted, _}
  end

  test "refute_receive" do
    send(self(), :nope)
    refute_receive :nope, 10
  end

  test "refute with a custom message" do
    send(self(), :nope)
    refute_received :nope, "should not be here"
  end

  test "passing refutes return false" do
    assert refute_received(:x) == false
    assert refute_receive(:x, 10) == false
  end
end
