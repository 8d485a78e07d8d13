# ExUnit.CaptureIO: standard output and error of a function.
ExUnit.start(seed: 0)

defmodule CaptureIOTest do
  use ExUnit.Case
  import ExUnit.CaptureIO

  test "captures standard output" do
    assert capture_io(fn -> IO.puts("hello") end) == "hello\n"
    assert capture_io(fn -> IO.write("a"); IO.inspect(:b) end) == "a:b\n"
  end

  test "captures standard error" do
    assert capture_io(:stderr, fn -> IO.puts(:stderr, "oops") end) == "oops\n"
    assert capture_io(:standard_error, fn -> IO.write(:stderr, "x") end) == "x"
  end

  test "with_io returns the result too" do
    assert with_io(fn -> IO.puts("out"); 42 end) == {42, "out\n"}
    assert with_io(:stderr, fn -> IO.write(:stderr, "err"); :done end) == {:done, "err"}
  end

  test "nothing written" do
    assert capture_io(fn -> :ok end) == ""
  end

  test "nested captures" do
    outer =
      capture_io(fn ->
        IO.write("outer ")
        inner = capture_io(fn -> IO.write("inner") end)
        IO.write("saw " <> inner)
      end)

    assert outer == "outer saw inner"
  end

  test "stdout and stderr apart" do
    err =
      capture_io(:stderr, fn ->
        out = capture_io(fn -> IO.write("to out"); IO.write(:stderr, "to err") end)
        assert out == "to out"
      end)

    assert err == "to err"
  end

  test "processes spawned meanwhile are captured" do
    output =
      capture_io(fn ->
        parent = self()
        spawn(fn -> IO.write("from child"); send(parent, :done) end)
        assert_receive :done
      end)

    assert output == "from child"
  end

  test "the output is back after the capture" do
    capture_io(fn -> IO.write("captured") end)
    assert capture_io(fn -> IO.write("again") end) == "again"
  end

  test "exceptions go through" do
    assert_raise RuntimeError, "inside", fn ->
      capture_io(fn -> raise "inside" end)
    end

    assert capture_io(fn -> IO.write("still captured") end) == "still captured"
  end

  test "a failing comparison of captured output" do
    assert capture_io(fn -> IO.puts("actual") end) == "expected\n"
  end
end
