# assert_receive / assert_received / refute_receive failures.
ExUnit.start(seed: 0)

defmodule ReceiveFailTest do
  use ExUnit.Case

  test "assert_receive passes" do
    send(self(), {:done, 1})
    assert_receive {:done, _}
  end

  test "timeout with an empty mailbox" do
    assert_receive {:done, _}, 10
  end

  test "timeout lists the mailbox" do
    send(self(), {:other, 1})
    send(self(), :hello)
    assert_receive {:done, _}, 10
  end

  test "assert_received" do
    send(self(), {:progress, 50})
    assert_received {:done, _}
  end

  test "refute_receive" do
    send(self(), {:done, 1})
    refute_receive {:done, _}, 10
  end

  test "refute_received" do
    send(self(), :tick)
    refute_received :tick
  end

  test "with a custom message" do
    assert_receive :never, 10, "the worker never answered"
  end

  test "pinned value" do
    ref = 42
    send(self(), {:reply, 41})
    assert_receive {:reply, ^ref}, 10
  end

  test "from another process" do
    parent = self()
    spawn(fn -> send(parent, {:result, :ok}) end)
    # (Waits for the message first: the output must not depend on the load.)
    assert_receive {:result, _}, 5000
    send(self(), {:result, :ok})
    assert_receive {:result, :error}, 10
  end
end
