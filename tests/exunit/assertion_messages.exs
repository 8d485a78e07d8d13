# The message of an ExUnit.AssertionError raised outside a test: unwrapped values.
import ExUnit.Assertions

defmodule AssertionMessages do
  def show(fun) do
    try do
      fun.()
      IO.puts("no error")
    rescue
      e -> IO.puts("** (#{inspect(e.__struct__)})" <> Exception.message(e) <> "--")
    end
  end
end

AssertionMessages.show(fn -> assert 1 + 1 == 3 end)
AssertionMessages.show(fn -> assert :a != :a end)
AssertionMessages.show(fn -> assert Enum.to_list(1..30) == [] end)
AssertionMessages.show(fn -> x = 1; assert {^x, _} = {2, 3} end)
AssertionMessages.show(fn -> x = "abc"; assert is_integer(x) end)
AssertionMessages.show(fn -> send(self(), {:hello, 1}); assert_received {:hello, 2} end)
AssertionMessages.show(fn -> assert_receive :none, 0 end)
AssertionMessages.show(fn -> assert false, "plain message" end)
AssertionMessages.show(fn -> flunk("first\nsecond") end)
AssertionMessages.show(fn -> assert_raise RuntimeError, "a", fn -> raise "b" end end)
AssertionMessages.show(fn -> assert_in_delta 1, 3, -1 end)
AssertionMessages.show(fn ->
  assert Enum.map([1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000], fn x -> x * 2 end) ==
           [1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000, 7_000_000, 8_000_000]
end)
AssertionMessages.show(fn -> raise ExUnit.AssertionError, message: "raised by hand" end)
AssertionMessages.show(fn -> raise ExUnit.AssertionError, "a string" end)
IO.inspect(ExUnit.AssertionError.no_value())
