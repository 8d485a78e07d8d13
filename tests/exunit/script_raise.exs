# A script that raises after ExUnit.start/0: status 1 and the tests never run.
ExUnit.start(seed: 0)

defmodule ScriptRaiseTest do
  use ExUnit.Case

  test "never runs", do: flunk("ran")
end

IO.puts("before the raise")
raise "the script failed"
