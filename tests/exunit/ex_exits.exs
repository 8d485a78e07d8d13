# Exits and throws fail the test with their banners (a linked process's crash shows its pid).
ExUnit.start(seed: 0)

defmodule ExitsTest do
  use ExUnit.Case

  test "exit with a reason" do
    exit(:shutdown_now)
  end

  test "exit with a tuple" do
    exit({:bad_state, %{count: 3}})
  end

  test "throw a value" do
    throw(:not_caught)
  end

  test "after the crashes", do: assert(true)
end
