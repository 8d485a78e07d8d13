# ExUnit's per-test process lifecycle: on_exit callbacks (from setup_all,
# setup and the test) run after the test, newest first, in another process,
# after the test's start_supervised children are stopped; a failing one
# fails the test; on_exit from a process other than the test's raises.
# (ExUnit's own stack frames, which name its internals, are left out; the
# events are logged to an agent, as ExUnit's formatter prints on its own.)
ExUnit.start(autorun: false, seed: 0)

defmodule Log do
  def start, do: Agent.start(fn -> [] end, name: __MODULE__)
  def put(line), do: Agent.update(__MODULE__, &[line | &1])
  def lines, do: Agent.get(__MODULE__, &Enum.reverse/1)
end

defmodule LifecycleTest do
  use ExUnit.Case

  setup_all do: on_exit(fn -> Log.put("setup_all on_exit") end)
  setup do: on_exit(:from_setup, fn -> Log.put("setup on_exit") end)

  test "a: callbacks run newest first" do
    test_pid = self()
    on_exit(fn -> Log.put("test on_exit 1, other process: #{self() != test_pid}") end)
    on_exit(fn -> Log.put("test on_exit 2") end)
    Log.put("test a body")
  end

  test "b: a key replaces its callback" do
    on_exit(:from_setup, fn -> Log.put("replaced setup on_exit") end)
    Log.put("test b body")
  end

  test "c: supervised children stop before on_exit" do
    pid = start_supervised!({Agent, fn -> :w end})
    Log.put("worker alive: #{Process.alive?(pid)}")
    on_exit(fn -> Log.put("worker alive in on_exit: #{Process.alive?(pid)}") end)
  end

  test "d: a failing on_exit fails the test" do
    on_exit(fn -> raise "boom in on_exit" end)
    Log.put("test d body")
  end

  test "e: on_exit from another process raises" do
    task = Task.async(fn -> try do: on_exit(fn -> :ok end), rescue: (e -> Exception.message(e)) end)
    Log.put(Task.await(task))
  end
end

Log.start()
out = ExUnit.CaptureIO.capture_io(fn -> ExUnit.run() end)

out
|> String.split("\n")
|> Enum.reject(&(String.starts_with?(&1, "Finished in") or String.contains?(&1, "(ex_unit ")))
|> Enum.each(&IO.puts/1)

IO.puts("-- in order:")
Enum.each(Log.lines(), &IO.puts/1)
