# A single passing test: the order cannot vary, only the seed line (not compared: seed given).
defmodule Hello do
  def hello, do: "Hello, World!"
end

ExUnit.start(seed: 12345)

defmodule HelloTest do
  use ExUnit.Case

  test "says hello" do
    assert Hello.hello() == "Hello, World!"
  end

  test "a second", do: assert(String.length(Hello.hello()) == 13)
  test "a third", do: assert(Hello.hello() =~ "World")
  test "a fourth", do: refute(Hello.hello() =~ "world")
  test "a fifth", do: assert(String.upcase(Hello.hello()) == "HELLO, WORLD!")
end
