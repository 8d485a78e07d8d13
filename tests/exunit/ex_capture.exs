# capture_io in tests: asserting on printed output.
ExUnit.start(seed: 0)

defmodule Greeter do
  def greet(name), do: IO.puts("Hello, #{name}!")
  def warn(msg), do: IO.puts(:stderr, "warning: #{msg}")
end

defmodule CaptureTest do
  use ExUnit.Case
  import ExUnit.CaptureIO

  test "captures stdout" do
    assert capture_io(fn -> Greeter.greet("Ann") end) == "Hello, Ann!\n"
  end

  test "wrong output" do
    assert capture_io(fn -> Greeter.greet("Bob") end) == "Hello, Ann!\n"
  end

  test "captures stderr" do
    assert capture_io(:stderr, fn -> Greeter.warn("low") end) =~ "low"
  end

  test "with input" do
    assert capture_io("Zed\n", fn -> IO.write(String.trim(IO.gets("name? "))) end) == "name? Zed"
  end
end
