# on_exit: runs after the test in another process, newest first; a name
# replaces an earlier callback; setup_all's run after the module's tests.
ExUnit.start(seed: 0)

defmodule OnExitTest do
  use ExUnit.Case

  setup_all do
    collector = spawn(fn -> collect([]) end)
    Process.register(collector, :on_exit_collector)
    on_exit(fn -> send(:on_exit_collector, {:event, :setup_all_exit}) end)
    :ok
  end

  setup do
    test_pid = self()
    on_exit(fn -> send(:on_exit_collector, {:event, {:setup_exit, self() != test_pid}}) end)
    :ok
  end

  defp collect(events) do
    receive do
      {:event, event} -> collect([event | events])
      {:get, pid} -> send(pid, {:events, Enum.reverse(events)}); collect([])
    end
  end

  defp events do
    send(:on_exit_collector, {:get, self()})
    assert_receive {:events, events}
    events
  end

  test "1. registers callbacks" do
    on_exit(fn -> send(:on_exit_collector, {:event, :first}) end)
    on_exit(:named, fn -> send(:on_exit_collector, {:event, :replaced}) end)
    on_exit(fn -> send(:on_exit_collector, {:event, :last}) end)
    on_exit(:named, fn -> send(:on_exit_collector, {:event, :named}) end)
  end

  test "2. they ran newest first, in another process" do
    assert events() == [:last, :named, :first, {:setup_exit, true}]
  end

  test "3. a failing on_exit fails its test" do
    on_exit(fn -> raise "on_exit failed" end)
    :ok
  end

  test "4. an on_exit failure does not hide the test's own" do
    on_exit(fn -> raise "hidden" end)
    assert 1 == 2
  end

  test "5. on_exit from another process" do
    parent = self()

    spawn(fn ->
      result =
        try do
          on_exit(fn -> :ok end)
        rescue
          e -> e
        end

      send(parent, {:result, result})
    end)

    assert_receive {:result, %ArgumentError{message: message}}
    assert message == "on_exit/2 callback can only be invoked from the test process"
  end
end
