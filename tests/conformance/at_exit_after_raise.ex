# System.at_exit hooks run after an uncaught raise too, with status 1; the
# test suite of ExUnit (registered the same way) is then not run.
ExUnit.start()

defmodule NeverRunTest do
  use ExUnit.Case

  test "is not run" do
    IO.puts("test ran")
  end
end

System.at_exit(fn status -> IO.puts("hook got #{status}") end)
IO.puts("before the error")
Map.fetch!(%{a: 1}, String.to_atom("b"))
