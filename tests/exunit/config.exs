# ExUnit.configure/1 after start; configuration/0; the filters it prints.
ExUnit.start(seed: 0)
ExUnit.configure(exclude: :pending, assert_receive_timeout: 10)

defmodule ConfigTest do
  use ExUnit.Case

  test "configuration keeps the values as given" do
    config = ExUnit.configuration()
    assert config[:exclude] == :pending
    assert config[:seed] == 0
    assert config[:assert_receive_timeout] == 10
  end

  test "assert_receive uses the configured timeout" do
    assert_receive :nothing
  end

  @tag :pending
  test "pending", do: flunk("excluded")
end
