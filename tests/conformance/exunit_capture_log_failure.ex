# A failing test whose log was captured (@tag capture_log, or capture_log: in ExUnit's
# configuration) shows "The following output was logged:" after its failure; a passing one shows
# nothing. The console format leaves out the time so the output does not vary.
require Logger
Logger.configure_backend(:console, device: :user, format: "[$level] $message\n")
ExUnit.start(autorun: false, seed: 0)

defmodule CapturedTest do
  use ExUnit.Case

  @tag capture_log: true
  test "passes quietly" do
    Logger.error("not shown")
    assert true
  end

  @tag capture_log: true
  test "fails with two lines logged" do
    Logger.warning("first")
    Logger.error("second\nspans lines")
    assert 1 + 1 == 3
  end

  @tag capture_log: [level: :error]
  test "captures from the error level" do
    Logger.info("below the level")
    Logger.error("at the level")
    flunk("failed")
  end

  @tag capture_log: true
  test "fails with nothing logged" do
    assert [] == [1]
  end
end

out = ExUnit.CaptureIO.capture_io(fn -> ExUnit.run() end)

out
|> String.split("\n")
|> Enum.reject(&String.starts_with?(&1, "Finished in"))
|> Enum.each(&IO.puts/1)
